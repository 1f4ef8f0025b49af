"""A faithful local copy of www.thaigov.go.th's post pages, built from real public-domain posts.

`sample.py` draws the bundled sample (`posts.jsonl.xz`) from the shared corpus, `posts.py` reads
it, `site.py` renders the pages in the site's markup (templates `*.html` beside it), and
`scraper.mirror.server` serves them like the mdes mirror. README.md: attribution and oddities.
"""
