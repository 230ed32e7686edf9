"""全市汇总: the data of HQ's two city-wide reports to 市工业和信息化局 (issue 12).

Functions take a PostgreSQL `Connection` and return frozen dataclasses (app.hq.cityreport.model)
that travel as JSON (app.hq.cityreport.codec); the PDF and Excel rendering is app.hqdesk's.
"""
