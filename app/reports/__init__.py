"""Print-ready reports and signage (issue 6), built with ReportLab.  Never imports Qt."""
