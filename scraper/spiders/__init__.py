"""Spiders: `mdes` crawls www.mdes.go.th's news (or the local mirror of it)."""
