"""服务记录: the page, the quick-entry form, period locks and the service-category editor."""
