"""The sync service's endpoints, one module per concern; `app.hq.server.create_app` assembles them."""
