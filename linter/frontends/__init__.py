"""Front ends: the command line, the language server and the web page, over the library."""
