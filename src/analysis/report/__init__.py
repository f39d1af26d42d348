"""Report layer: the chapter list (``chapters``), execution (``execute``), assembly of the HTML
(``assemble``), the PDF (``pdf``) and the build (``build``)."""

import sys

# jsonschema (read by nbformat) imports rfc3987_syntax when it is installed (JupyterLab's jupyter-events pulls it
# in), and that module compiles a grammar for about 2 s at import. The build never checks IRI formats, so the
# report layer keeps it out: jsonschema then simply skips that one format check.
sys.modules.setdefault("rfc3987_syntax", None)
