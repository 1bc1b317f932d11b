"""Korean for the shop manager's screens (source text is English). `make translations` fills
resources/translations/allive_manager_ko.ts from this table for any text still unfinished, then
compiles the .qm; translations made earlier in Qt Linguist stay in the .ts as they are."""

KO_MANAGER = {
    "After the close: %1 refunds or voids, %2 (cash %3).": "마감 후 환불·취소 %1건, %2 (현금 %3).",
    "After the close: %1 sales, %2 (cash %3).": "마감 후 판매 %1건, %2 (현금 %3).",
    "Amount": "금액",
    "Approved by": "승인자",
    "Choose the folder to save the report in": "보고서를 저장할 폴더를 고르세요",
    "Open folder": "폴더 열기",
    "Cashier": "계산원",
    "Nothing was sold or refunded after the close.": "마감 후 판매나 환불은 없습니다.",
    "Paid with": "결제",
    "Printing the Z report again…": "마감 보고서를 다시 출력하는 중입니다…",
    "Receipt no.": "영수증 번호",
    "Save as CSV": "CSV로 저장",
    "Saved: %1": "저장했습니다: %1",
    "Saving %1…": "저장하는 중입니다: %1",
    "Saving the Z report…": "마감 보고서를 저장하는 중입니다…",
    "The report could not be saved in %1 (%2). Close it in Excel, or choose another folder.": "%1 폴더에 보고서를 저장하지 못했습니다 (%2). 엑셀에서 열려 있으면 닫거나 다른 폴더를 고르세요.",
    "The Z report could not be saved: %1": "마감 보고서를 저장하지 못했습니다: %1",
    "Time": "시각",
    "They are not in this day's Z report. Count the drawer again and close the day again to take them in.": "이 금액은 이 날의 마감 보고서에 들어 있지 않습니다. 현금을 다시 세고 다시 마감하면 들어갑니다.",
    "This day is not closed yet: there is no Z report to print.": "아직 마감하지 않은 날입니다. 출력할 마감 보고서가 없습니다.",
    "This day was closed at %1 by %2.": "이 날은 %1에 %2님이 마감했습니다.",
}
