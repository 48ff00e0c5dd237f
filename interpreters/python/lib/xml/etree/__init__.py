"""The xml.etree package: see `xml.etree.ElementTree`."""
