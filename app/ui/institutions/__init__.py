"""机构与专家: the page and the institution and expert forms."""
