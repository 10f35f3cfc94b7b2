"""The example merchant shop: Amazon Pay's web checkout on Flask (see app.py and docs/examples.md)."""
