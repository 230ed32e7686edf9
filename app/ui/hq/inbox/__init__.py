"""报送审阅: the HQ desk's reports inbox (submissions, their PDFs, review) and the 督促 list."""
