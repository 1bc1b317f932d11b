<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="ko_KR">
<context>
    <name>CatalogueScreen</name>
    <message>
        <location filename="../../pos_app/ui/manager/catalogue.py" line="37" />
        <source>New category name</source>
        <translation>새 분류 이름</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/manager/catalogue.py" line="38" />
        <source>Add category</source>
        <translation>분류 추가</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/manager/catalogue.py" line="41" />
        <source>Menu</source>
        <translation>메뉴</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/manager/catalogue.py" line="48" />
        <location filename="../../pos_app/ui/manager/catalogue.py" line="68" />
        <source>Code</source>
        <translation>코드</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/manager/catalogue.py" line="49" />
        <location filename="../../pos_app/ui/manager/catalogue.py" line="69" />
        <source>Name</source>
        <translation>이름</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/manager/catalogue.py" line="50" />
        <source>Price</source>
        <translation>가격</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/manager/catalogue.py" line="51" />
        <location filename="../../pos_app/ui/manager/catalogue.py" line="71" />
        <source>Category</source>
        <translation>분류</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/manager/catalogue.py" line="52" />
        <source>Tax</source>
        <translation>과세</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/manager/catalogue.py" line="53" />
        <source>Status</source>
        <translation>상태</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/manager/catalogue.py" line="61" />
        <source>e.g. 3500</source>
        <translation>예: 3500</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/manager/catalogue.py" line="63" />
        <source>Taxable (VAT included)</source>
        <translation>과세 (부가세 포함)</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/manager/catalogue.py" line="65" />
        <source>Cashier types the amount (services)</source>
        <translation>금액 직접 입력 (세탁·청소 등 서비스)</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/manager/catalogue.py" line="66" />
        <source>Sold out</source>
        <translation>품절</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/manager/catalogue.py" line="70" />
        <source>Price (won)</source>
        <translation>가격(원)</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/manager/catalogue.py" line="77" />
        <source>New item</source>
        <translation>새 상품</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/manager/catalogue.py" line="79" />
        <source>Save item</source>
        <translation>상품 저장</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/manager/catalogue.py" line="82" />
        <source>Sold out / on sale</source>
        <translation>품절 / 판매 재개</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/manager/catalogue.py" line="84" />
        <source>Move up</source>
        <translation>위로</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/manager/catalogue.py" line="86" />
        <source>Move down</source>
        <translation>아래로</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/manager/catalogue.py" line="88" />
        <source>Remove item</source>
        <translation>상품 삭제</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/manager/catalogue.py" line="111" />
        <source>All categories</source>
        <translation>전체 분류</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/manager/catalogue.py" line="135" />
        <source>typed by cashier</source>
        <translation>직접 입력</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/manager/catalogue.py" line="137" />
        <source>taxable</source>
        <translation>과세</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/manager/catalogue.py" line="137" />
        <source>tax-free</source>
        <translation>면세</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/manager/catalogue.py" line="138" />
        <source>SOLD OUT</source>
        <translation>품절</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/manager/catalogue.py" line="138" />
        <source>on sale</source>
        <translation>판매 중</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/manager/catalogue.py" line="191" />
        <source>Type the name and price, then press Save item.</source>
        <translation>이름과 가격을 입력하고 '상품 저장'을 누르세요.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/manager/catalogue.py" line="224" />
        <source>Saved. The sale screen shows it now.</source>
        <translation>저장했습니다. 판매 화면에 바로 보입니다.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/manager/catalogue.py" line="232" />
        <location filename="../../pos_app/ui/manager/catalogue.py" line="243" />
        <location filename="../../pos_app/ui/manager/catalogue.py" line="259" />
        <source>Choose an item in the list first.</source>
        <translation>먼저 목록에서 상품을 고르세요.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/manager/catalogue.py" line="236" />
        <source>Marked sold out.</source>
        <translation>품절로 표시했습니다.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/manager/catalogue.py" line="236" />
        <source>On sale again.</source>
        <translation>다시 판매합니다.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/manager/catalogue.py" line="254" />
        <source>Order changed.</source>
        <translation>순서를 바꿨습니다.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/manager/catalogue.py" line="263" />
        <source>Removed from the menu.</source>
        <translation>메뉴에서 삭제했습니다.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/manager/catalogue.py" line="268" />
        <source>Type the new category's name first.</source>
        <translation>먼저 새 분류 이름을 입력하세요.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/manager/catalogue.py" line="272" />
        <source>That category already exists.</source>
        <translation>이미 있는 분류입니다.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/manager/catalogue.py" line="282" />
        <source>Category added.</source>
        <translation>분류를 추가했습니다.</translation>
    </message>
</context>
<context>
    <name>DayCloseScreen</name>
    <message>
        <location filename="../../pos_app/ui/manager/dayclose.py" line="92" />
        <source>Business day</source>
        <translation>영업일</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/manager/dayclose.py" line="103" />
        <source>Time</source>
        <translation>시각</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/manager/dayclose.py" line="104" />
        <source>Receipt no.</source>
        <translation>영수증 번호</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/manager/dayclose.py" line="105" />
        <source>Amount</source>
        <translation>금액</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/manager/dayclose.py" line="106" />
        <source>Paid with</source>
        <translation>결제</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/manager/dayclose.py" line="107" />
        <source>Cashier</source>
        <translation>계산원</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/manager/dayclose.py" line="162" />
        <source>Cash count</source>
        <translation>현금 세기</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/manager/dayclose.py" line="145" />
        <source>Why the cash differs (required when it does)</source>
        <translation>현금이 맞지 않는 이유 (차이가 있으면 꼭 입력)</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/manager/dayclose.py" line="148" />
        <source>e.g. 100000</source>
        <translation>예: 100000</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/manager/dayclose.py" line="150" />
        <source>Reason for a difference</source>
        <translation>차이 사유</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/manager/dayclose.py" line="151" />
        <source>Cash left in the drawer for tomorrow</source>
        <translation>내일 시작 현금(서랍에 남길 돈)</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/manager/dayclose.py" line="181" />
        <source>This day is already closed. Close it again (the earlier close is kept)</source>
        <translation>이미 마감한 날입니다. 다시 마감 확인 (이전 마감 기록은 남습니다)</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/manager/dayclose.py" line="155" />
        <source>Close the day</source>
        <translation>마감하기</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/manager/dayclose.py" line="158" />
        <source>Print Z report again</source>
        <translation>마감 보고서 다시 출력</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/manager/dayclose.py" line="206" />
        <source>Opening cash %1 + cash sales %2 − cash refunds %3. Sales %4, net sales %5.</source>
        <translation>시작 현금 %1 + 현금 판매 %2 − 현금 환불 %3. 판매 %4건, 순매출 %5.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/manager/dayclose.py" line="230" />
        <source>This day was closed at %1 by %2.</source>
        <translation>이 날은 %1에 %2님이 마감했습니다.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/manager/dayclose.py" line="235" />
        <source>Nothing was sold or refunded after the close.</source>
        <translation>마감 후 판매나 환불은 없습니다.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/manager/dayclose.py" line="243" />
        <source>After the close: %1 sales, %2 (cash %3).</source>
        <translation>마감 후 판매 %1건, %2 (현금 %3).</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/manager/dayclose.py" line="250" />
        <source>After the close: %1 refunds or voids, %2 (cash %3).</source>
        <translation>마감 후 환불·취소 %1건, %2 (현금 %3).</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/manager/dayclose.py" line="257" />
        <source>They are not in this day's Z report. Count the drawer again and close the day again to take them in.</source>
        <translation>이 금액은 이 날의 마감 보고서에 들어 있지 않습니다. 현금을 다시 세고 다시 마감하면 들어갑니다.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/manager/dayclose.py" line="300" />
        <source>numbers only</source>
        <translation>숫자만</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/manager/dayclose.py" line="310" />
        <source>Expected %1</source>
        <translation>예상 현금 %1</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/manager/dayclose.py" line="313" />
        <source>Counted: check the numbers</source>
        <translation>센 현금: 숫자를 확인하세요</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/manager/dayclose.py" line="316" />
        <source>Counted %1</source>
        <translation>센 현금 %1</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/manager/dayclose.py" line="319" />
        <source>No difference</source>
        <translation>차이 없음</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/manager/dayclose.py" line="321" />
        <source>Over by %1</source>
        <translation>%1 많음</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/manager/dayclose.py" line="323" />
        <source>Short by %1</source>
        <translation>%1 부족</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/manager/dayclose.py" line="342" />
        <source>The day is closed. %1</source>
        <translation>마감했습니다. %1</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/manager/dayclose.py" line="343" />
        <source>Saving the Z report…</source>
        <translation>마감 보고서를 저장하는 중입니다…</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/manager/dayclose.py" line="351" />
        <source>This day is not closed yet: there is no Z report to print.</source>
        <translation>아직 마감하지 않은 날입니다. 출력할 마감 보고서가 없습니다.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/manager/dayclose.py" line="353" />
        <source>Printing the Z report again…</source>
        <translation>마감 보고서를 다시 출력하는 중입니다…</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/manager/dayclose.py" line="374" />
        <source>Z report saved: %1</source>
        <translation>마감 보고서 저장: %1</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/manager/dayclose.py" line="385" />
        <source>The Z report could not be saved: %1</source>
        <translation>마감 보고서를 저장하지 못했습니다: %1</translation>
    </message>
</context>
<context>
    <name>ManagerWindow</name>
    <message>
        <location filename="../../pos_app/ui/manager/window.py" line="51" />
        <source>ALL-LIVE POS management</source>
        <translation>올리브 POS 관리</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/manager/window.py" line="92" />
        <source>Today</source>
        <translation>오늘</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/manager/window.py" line="93" />
        <source>Day close</source>
        <translation>마감</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/manager/window.py" line="94" />
        <source>Reports</source>
        <translation>보고서</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/manager/window.py" line="95" />
        <source>Menu</source>
        <translation>메뉴</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/manager/window.py" line="96" />
        <source>Staff</source>
        <translation>직원</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/manager/window.py" line="97" />
        <source>Shop settings</source>
        <translation>매장 설정</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/manager/window.py" line="108" />
        <source>Only a manager can use this. Ask your manager.</source>
        <translation>매니저만 사용할 수 있습니다. 매니저에게 요청하세요.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/manager/window.py" line="112" />
        <source>Signed in: %1 (%2)</source>
        <translation>로그인: %1 (%2)</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/manager/window.py" line="114" />
        <source>Back to selling</source>
        <translation>판매 화면으로</translation>
    </message>
</context>
<context>
    <name>ReportSaver</name>
    <message>
        <location filename="../../pos_app/ui/manager/common.py" line="115" />
        <source>Open folder</source>
        <translation>폴더 열기</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/manager/common.py" line="130" />
        <source>Choose the folder to save the report in</source>
        <translation>보고서를 저장할 폴더를 고르세요</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/manager/common.py" line="138" />
        <source>Saving %1…</source>
        <translation>저장하는 중입니다: %1</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/manager/common.py" line="146" />
        <source>Saved: %1</source>
        <translation>저장했습니다: %1</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/manager/common.py" line="155" />
        <source>The report could not be saved in %1 (%2). Close it in Excel, or choose another folder.</source>
        <translation>%1 폴더에 보고서를 저장하지 못했습니다 (%2). 엑셀에서 열려 있으면 닫거나 다른 폴더를 고르세요.</translation>
    </message>
</context>
<context>
    <name>ReportsScreen</name>
    <message>
        <location filename="../../pos_app/ui/manager/reports.py" line="72" />
        <source>By day</source>
        <translation>일별</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/manager/reports.py" line="73" />
        <source>By product</source>
        <translation>상품별</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/manager/reports.py" line="74" />
        <source>By category</source>
        <translation>분류별</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/manager/reports.py" line="75" />
        <source>By tender</source>
        <translation>결제 수단별</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/manager/reports.py" line="76" />
        <source>By cashier</source>
        <translation>직원별</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/manager/reports.py" line="83" />
        <source>Today</source>
        <translation>오늘</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/manager/reports.py" line="84" />
        <source>Last 7 days</source>
        <translation>최근 7일</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/manager/reports.py" line="85" />
        <source>Last 30 days</source>
        <translation>최근 30일</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/manager/reports.py" line="90" />
        <source>This month</source>
        <translation>이번 달</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/manager/reports.py" line="94" />
        <source>Show</source>
        <translation>보기</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/manager/reports.py" line="97" />
        <source>Save as CSV (Excel)</source>
        <translation>CSV로 저장 (엑셀)</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/manager/reports.py" line="100" />
        <source>Save as PDF</source>
        <translation>PDF로 저장</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/manager/reports.py" line="105" />
        <source>From</source>
        <translation>기간</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/manager/reports.py" line="107" />
        <source>to</source>
        <translation>~</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/manager/reports.py" line="126" />
        <source>Sales reports</source>
        <translation>매출 보고서</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/manager/reports.py" line="171" />
        <source>Sales %1 · gross %2 · refunds %3 · net %4 (points %5, cash %6, card %7)</source>
        <translation>판매 %1건 · 총매출 %2 · 환불 %3 · 순매출 %4 (포인트 %5, 현금 %6, 카드 %7)</translation>
    </message>
</context>
<context>
    <name>SettingsScreen</name>
    <message>
        <location filename="../../pos_app/ui/manager/settings.py" line="31" />
        <source>Shop name</source>
        <translation>상호</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/manager/settings.py" line="32" />
        <source>Business registration number</source>
        <translation>사업자등록번호</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/manager/settings.py" line="33" />
        <source>Representative</source>
        <translation>대표자</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/manager/settings.py" line="34" />
        <source>Address</source>
        <translation>주소</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/manager/settings.py" line="35" />
        <source>Phone</source>
        <translation>전화</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/manager/settings.py" line="36" />
        <source>Receipt printer</source>
        <translation>영수증 프린터</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/manager/settings.py" line="37" />
        <source>Lock the screen after (seconds)</source>
        <translation>화면 잠금 시간(초)</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/manager/settings.py" line="38" />
        <source>Cash in the drawer before the first close (won)</source>
        <translation>첫 마감 전 시작 현금(원)</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/manager/settings.py" line="46" />
        <source>empty = PDF only; e.g. tcp:192.168.0.50:9100 or usb:/dev/usb/lp0</source>
        <translation>비워 두면 PDF로만 저장. 예: tcp:192.168.0.50:9100 또는 usb:/dev/usb/lp0</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/manager/settings.py" line="51" />
        <source>Language</source>
        <translation>언어</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/manager/settings.py" line="54" />
        <source>Save settings</source>
        <translation>설정 저장</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/manager/settings.py" line="60" />
        <source>Shop settings</source>
        <translation>매장 설정</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/manager/settings.py" line="85" />
        <source>Receipts print this header. Until you save it here, the header from the programme office is used.</source>
        <translation>영수증에 이 정보가 인쇄됩니다. 여기서 저장하기 전까지는 프로그램 사무실에 등록된 정보를 씁니다.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/manager/settings.py" line="88" />
        <source>Receipts print this header.</source>
        <translation>영수증에 이 정보가 인쇄됩니다.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/manager/settings.py" line="114" />
        <source>Saved. New receipts use these settings. A new language shows after the till restarts.</source>
        <translation>저장했습니다. 새 영수증부터 적용됩니다. 언어는 계산대를 다시 시작하면 바뀝니다.</translation>
    </message>
</context>
<context>
    <name>StaffScreen</name>
    <message>
        <location filename="../../pos_app/ui/manager/staff.py" line="27" />
        <source>No.</source>
        <translation>번호</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/manager/staff.py" line="27" />
        <location filename="../../pos_app/ui/manager/staff.py" line="39" />
        <source>Name</source>
        <translation>이름</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/manager/staff.py" line="27" />
        <location filename="../../pos_app/ui/manager/staff.py" line="40" />
        <source>Role</source>
        <translation>역할</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/manager/staff.py" line="27" />
        <source>Status</source>
        <translation>상태</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/manager/staff.py" line="34" />
        <source>4 to 8 digits</source>
        <translation>숫자 4~8자리</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/manager/staff.py" line="35" />
        <source>Add staff</source>
        <translation>직원 등록하기</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/manager/staff.py" line="41" />
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/manager/staff.py" line="44" />
        <source>Disable / enable</source>
        <translation>사용 중지 / 다시 사용</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/manager/staff.py" line="48" />
        <source>New PIN</source>
        <translation>새 PIN</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/manager/staff.py" line="49" />
        <source>Reset PIN</source>
        <translation>PIN 재설정</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/manager/staff.py" line="59" />
        <source>Staff</source>
        <translation>직원</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/manager/staff.py" line="62" />
        <source>Add a person</source>
        <translation>직원 등록</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/manager/staff.py" line="76" />
        <source>working</source>
        <translation>근무 중</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/manager/staff.py" line="76" />
        <source>disabled</source>
        <translation>사용 중지</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/manager/staff.py" line="107" />
        <source>%1 was added as number %2.</source>
        <translation>%1 님을 %2번으로 등록했습니다.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/manager/staff.py" line="113" />
        <location filename="../../pos_app/ui/manager/staff.py" line="126" />
        <source>Choose a person in the list first.</source>
        <translation>먼저 목록에서 직원을 고르세요.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/manager/staff.py" line="116" />
        <source>You cannot disable yourself. Ask another manager.</source>
        <translation>자기 자신은 사용 중지할 수 없습니다. 다른 매니저에게 요청하세요.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/manager/staff.py" line="121" />
        <source>Disabled.</source>
        <translation>사용을 중지했습니다.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/manager/staff.py" line="121" />
        <source>Enabled again.</source>
        <translation>다시 사용하도록 했습니다.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/manager/staff.py" line="134" />
        <source>The PIN of %1 was changed.</source>
        <translation>%1 님의 PIN을 바꿨습니다.</translation>
    </message>
</context>
<context>
    <name>TodayScreen</name>
    <message>
        <location filename="../../pos_app/ui/manager/today.py" line="58" />
        <source>Refresh</source>
        <translation>새로 고침</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/manager/today.py" line="60" />
        <source>Send now</source>
        <translation>지금 전송</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/manager/today.py" line="63" />
        <source>Save as CSV</source>
        <translation>CSV로 저장</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/manager/today.py" line="75" />
        <source>Net sales</source>
        <translation>오늘 순매출</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/manager/today.py" line="76" />
        <source>Sales</source>
        <translation>판매 건수</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/manager/today.py" line="77" />
        <source>Average sale</source>
        <translation>평균 객단가</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/manager/today.py" line="78" />
        <source>Waiting to send</source>
        <translation>전송 대기</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/manager/today.py" line="85" />
        <source>Tender</source>
        <translation>결제 수단</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/manager/today.py" line="85" />
        <source>Refunds</source>
        <translation>환불</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/manager/today.py" line="85" />
        <source>Net</source>
        <translation>순매출</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/manager/today.py" line="85" />
        <source>Sold</source>
        <translation>판매</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/manager/today.py" line="88" />
        <source>Product</source>
        <translation>상품</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/manager/today.py" line="88" />
        <source>Qty</source>
        <translation>수량</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/manager/today.py" line="88" />
        <location filename="../../pos_app/ui/manager/today.py" line="95" />
        <source>Amount</source>
        <translation>금액</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/manager/today.py" line="93" />
        <source>Time</source>
        <translation>시각</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/manager/today.py" line="94" />
        <source>Kind</source>
        <translation>종류</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/manager/today.py" line="96" />
        <source>Reason</source>
        <translation>사유</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/manager/today.py" line="97" />
        <source>Approved by</source>
        <translation>승인자</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/manager/today.py" line="98" />
        <source>Cashier</source>
        <translation>계산원</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/manager/today.py" line="108" />
        <source>By tender</source>
        <translation>결제 수단별</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/manager/today.py" line="110" />
        <source>Sales by hour</source>
        <translation>시간대별 매출</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/manager/today.py" line="113" />
        <source>Top products</source>
        <translation>많이 팔린 상품</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/manager/today.py" line="115" />
        <source>Refunds and voids</source>
        <translation>환불·취소 내역</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/manager/today.py" line="144" />
        <source>Today at a glance: %1</source>
        <translation>오늘 한눈에 보기: %1</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/manager/today.py" line="146" />
        <source>%1 sales</source>
        <translation>%1건</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/manager/today.py" line="148" />
        <source>%1 records</source>
        <translation>%1건</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/manager/today.py" line="149" />
        <source>Points</source>
        <translation>포인트</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/manager/today.py" line="149" />
        <source>Cash</source>
        <translation>현금</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/manager/today.py" line="149" />
        <source>Bank card</source>
        <translation>카드</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/manager/today.py" line="156" />
        <source>Total</source>
        <translation>합계</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/manager/today.py" line="169" />
        <source>Refund</source>
        <translation>환불</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/manager/today.py" line="169" />
        <source>Void</source>
        <translation>취소</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/manager/today.py" line="187" />
        <source>No refunds or voids today.</source>
        <translation>오늘은 환불이나 취소가 없습니다.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/manager/today.py" line="206" />
        <source>Offline points sales not yet sent: %1 (%2). They are sent automatically when the internet is back.</source>
        <translation>아직 전송되지 않은 오프라인 포인트 판매: %1건 (%2). 인터넷이 연결되면 자동으로 전송됩니다.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/manager/today.py" line="212" />
        <source>No offline points sales are waiting to be sent.</source>
        <translation>전송을 기다리는 오프라인 포인트 판매가 없습니다.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/manager/today.py" line="216" />
        <source>%1 offline sales left the card at 0 points: the card may not have covered them. The programme office sees the exact shortfall.</source>
        <translation>오프라인 판매 %1건 뒤 카드 포인트가 0이 되었습니다. 카드 잔액이 모자랐을 수 있습니다. 정확한 부족분은 프로그램 사무실에서 확인합니다.</translation>
    </message>
</context>
</TS>