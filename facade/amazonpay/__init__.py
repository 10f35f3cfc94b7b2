"""amazonpay: the Amazon Pay API v2 client."""
