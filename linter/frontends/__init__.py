"""Front ends: the command line, the language server and the clerk's web page."""
