"""Plain-Python analysis over engine results: mandate checks and side-by-side comparison of options."""
