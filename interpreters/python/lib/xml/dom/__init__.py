"""The xml.dom package: see `xml.dom.minidom`."""
