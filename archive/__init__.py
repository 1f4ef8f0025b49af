"""Storage: posts as fetched, the facts extracted from them, crawl runs; search and exports."""
