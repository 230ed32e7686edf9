"""The policy library (政策法规库), matching enterprises and relaying policies to them."""
