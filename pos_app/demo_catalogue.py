"""The demo shop's menu: a café-restaurant of the ALL-LIVE Market with real-looking prices."""

from __future__ import annotations

from pos_app.core.catalogue import Category, Item

DEMO_CATEGORIES = [
    Category("coffee", "커피·음료", 1),
    Category("bakery", "디저트", 2),
    Category("meal", "식사", 3),
    Category("grocery", "식료품", 4),
    Category("service", "서비스", 5),
]

_MENU = [
    ("coffee", "C01", "아메리카노", 3000),
    ("coffee", "C02", "카페라테", 3500),
    ("coffee", "C03", "바닐라라테", 4000),
    ("coffee", "C04", "아이스티", 3000),
    ("coffee", "C05", "유자차", 3500),
    ("bakery", "B01", "쿠키", 2000),
    ("bakery", "B02", "머핀", 2500),
    ("meal", "M01", "김밥", 3500),
    ("meal", "M02", "참치김밥", 4500),
    ("meal", "M03", "라면", 4000),
    ("meal", "M04", "떡볶이", 4000),
    ("meal", "M05", "김치찌개", 8000),
    ("meal", "M06", "된장찌개", 8000),
    ("meal", "M07", "제육덮밥", 9000),
    ("meal", "M08", "비빔밥", 8500),
]

DEMO_ITEMS = [
    Item(sku, name, price, category_id=category, taxable=True, position=index)
    for index, (category, sku, name, price) in enumerate(_MENU)
] + [
    # Staple foods are tax-exempt (면세).
    Item("G01", "쌀 (4kg)", 12000, category_id="grocery", taxable=False, position=1),
    Item("G02", "제철 채소 꾸러미", 5000, category_id="grocery", taxable=False, position=2),
    # Services sold by the programme's enterprises: the cashier types the amount.
    Item("S01", "세탁", 0, category_id="service", open_price=True, position=1),
    Item("S02", "청소", 0, category_id="service", open_price=True, position=2),
    Item("S03", "집수리", 0, category_id="service", open_price=True, position=3),
]
