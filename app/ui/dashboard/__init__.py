"""首页: the dashboard page, its cards, charts, compliance checklist and click-through links."""
