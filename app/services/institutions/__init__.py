"""Resident service institutions (入驻服务机构), experts (服务专家) and how much each is used."""
