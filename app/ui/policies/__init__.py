"""政策: the policy page, form and the 匹配企业 dialog."""
