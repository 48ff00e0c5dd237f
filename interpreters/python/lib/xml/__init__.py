"""The xml package: only `xml.etree.ElementTree` is here."""
