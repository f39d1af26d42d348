"""Report layer: the chapter list (``chapters``), execution (``execute``), assembly of the HTML
(``assemble``), the PDF (``pdf``) and the build (``build``)."""
