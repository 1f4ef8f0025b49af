"""A faithful local copy of www.mdes.go.th's news section, for demos and crawl tests offline.

`posts.py` is the table of posts with their ground truth, the `*.html` files are the templates in
the ministry's markup, `site.py` renders them into pages and `server.py` serves them.
"""
