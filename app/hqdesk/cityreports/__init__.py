"""全市汇总 rendered: print-ready PDFs (公文 practice, app.reports' building blocks) and Excel
workbooks of HQ's two city-wide reports, from the report data (app.hq.cityreport.model), which
the HQ desk also gets as JSON from the admin endpoint."""
