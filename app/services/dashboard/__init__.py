"""The home page's figures: this month and this year, cheap enough for a million records."""
