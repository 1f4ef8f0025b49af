"""Faithful local copies of the news sites, for demos and crawl tests offline; one server for all.

www.mdes.go.th: `posts.py` is the table of invented posts with their ground truth, the `*.html`
files are the templates in the ministry's markup, `site.py` renders them into pages.
www.thaigov.go.th: the `thaigov` package, real public-domain posts in that site's markup.
`response.py` holds the `Page` both answer with, and `server.py` serves either.
"""
