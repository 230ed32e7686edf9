"""活动: the events page, its form, detail panel and attendance dialog."""
