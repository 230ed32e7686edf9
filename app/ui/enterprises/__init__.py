"""企业: the enterprise page, form, detail, picker, Excel actions and the data-quality dialog."""
