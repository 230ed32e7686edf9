"""The HQ desk's back end, without Qt: the HTTPS client to HQ's admin endpoints
(`client`), what each HQ page asks of it, and the city-wide reports' rendering."""
