<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="ko_KR">
<context>
    <name>CardPanel</name>
    <message>
        <location filename="../../pos_app/ui/card_panel.py" line="18" />
        <source>as of %1 min ago</source>
        <translation>%1분 전 정보</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/card_panel.py" line="20" />
        <source>as of %1 h %2 min ago</source>
        <translation>%1시간 %2분 전 정보</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/card_panel.py" line="45" />
        <source>Point card</source>
        <translation>포인트 카드</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/card_panel.py" line="47" />
        <source>Scan the card's QR code, or type its number.</source>
        <translation>카드의 QR 코드를 스캔하거나 카드 번호를 입력하세요.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/card_panel.py" line="51" />
        <source>Balance %1 won</source>
        <translation>잔액 %1원</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/card_panel.py" line="52" />
        <source>Can use now: %1 won</source>
        <translation>지금 쓸 수 있는 포인트: %1원</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/card_panel.py" line="54" />
        <source>Checked with the ledger (online)</source>
        <translation>본부 장부에서 확인함 (온라인)</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/card_panel.py" line="57" />
        <source>Offline: this till's copy, %1</source>
        <translation>오프라인: 이 계산대에 저장된 정보, %1</translation>
    </message>
</context>
<context>
    <name>CartView</name>
    <message>
        <location filename="../../pos_app/ui/cart_view.py" line="26" />
        <source>Item</source>
        <translation>상품</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/cart_view.py" line="26" />
        <source>Qty</source>
        <translation>수량</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/cart_view.py" line="26" />
        <source>Amount</source>
        <translation>금액</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/cart_view.py" line="43" />
        <source>tax-free</source>
        <translation>면세</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../pos_app/ui/main_window.py" line="69" />
        <source>ALL-LIVE Market till</source>
        <translation>올리브 마켓 계산대</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/main_window.py" line="95" />
        <source>No staff yet: ask the office or the shop manager to set up this till (allive-admin).</source>
        <translation>등록된 직원이 없습니다. 매장 매니저나 프로그램 사무실에 계산대 설정을 요청하세요.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/main_window.py" line="111" />
        <source>This person may not sell on this till.</source>
        <translation>이 직원은 이 계산대에서 판매할 수 없습니다.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/main_window.py" line="134" />
        <source>The till locks in %1 s. Touch the screen to keep working.</source>
        <translation>%1초 뒤 계산대가 잠깁니다. 계속 쓰려면 화면을 누르세요.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/main_window.py" line="143" />
        <source>Sign in first, then scan the card.</source>
        <translation>먼저 로그인한 뒤 카드를 스캔하세요.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/main_window.py" line="184" />
        <source>No manager is set up on this till.</source>
        <translation>이 계산대에 등록된 매니저가 없습니다.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/main_window.py" line="187" />
        <location filename="../../pos_app/ui/main_window.py" line="191" />
        <source>Manager</source>
        <translation>매니저</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/main_window.py" line="187" />
        <source>Who are you?</source>
        <translation>누구신가요?</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/main_window.py" line="191" />
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
</context>
<context>
    <name>PaymentDialog</name>
    <message>
        <location filename="../../pos_app/ui/payment.py" line="48" />
        <source>Payment</source>
        <translation>결제</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/payment.py" line="55" />
        <source>Total %1 won</source>
        <translation>합계 %1원</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/payment.py" line="67" />
        <source>Points</source>
        <translation>포인트</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/payment.py" line="67" />
        <source>Points (scan a card to use points)</source>
        <translation>포인트 (카드를 스캔하면 쓸 수 있습니다)</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/payment.py" line="70" />
        <source>Max</source>
        <translation>최대</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/payment.py" line="74" />
        <source>None</source>
        <translation>안 씀</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/payment.py" line="82" />
        <source>Card %1 · can use %2 won now</source>
        <translation>카드 %1 · 지금 %2원 사용 가능</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/payment.py" line="85" />
        <source> (offline)</source>
        <translation> (오프라인)</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/payment.py" line="93" />
        <source>Cash</source>
        <translation>현금</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/payment.py" line="94" />
        <source>Bank card</source>
        <translation>카드</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/payment.py" line="108" />
        <source>Cash received</source>
        <translation>받은 돈</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/payment.py" line="122" />
        <source>Approval number from the card terminal</source>
        <translation>카드 단말기의 승인번호</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/payment.py" line="124" />
        <source>Charge the remainder on the card terminal, then type its approval number.</source>
        <translation>남은 금액을 카드 단말기로 결제한 뒤 승인번호를 입력하세요.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/payment.py" line="132" />
        <source>Complete payment</source>
        <translation>결제 완료</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/payment.py" line="135" />
        <source>Back</source>
        <translation>뒤로</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/payment.py" line="165" />
        <source>Left to pay: %1 won</source>
        <translation>남은 금액: %1원</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/payment.py" line="174" />
        <source>Change %1 won</source>
        <translation>거스름돈 %1원</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/payment.py" line="183" />
        <source>Type the points as a number.</source>
        <translation>포인트를 숫자로 입력하세요.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/payment.py" line="190" />
        <source>Type the cash received as a number.</source>
        <translation>받은 돈을 숫자로 입력하세요.</translation>
    </message>
</context>
<context>
    <name>PinPad</name>
    <message>
        <location filename="../../pos_app/ui/widgets.py" line="73" />
        <source>Clear</source>
        <translation>지우기</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/widgets.py" line="77" />
        <source>OK</source>
        <translation>확인</translation>
    </message>
</context>
<context>
    <name>RefundDialog</name>
    <message>
        <location filename="../../pos_app/ui/refund.py" line="50" />
        <source>Refund or cancel a sale</source>
        <translation>환불 · 판매 취소</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/refund.py" line="77" />
        <source>Manager's PIN</source>
        <translation>매니저 PIN</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/refund.py" line="80" />
        <source>Reason (required)</source>
        <translation>사유 (꼭 입력)</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/refund.py" line="88" />
        <source>Amount (empty: everything left)</source>
        <translation>환불 금액 (비워 두면 남은 금액 전부)</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/refund.py" line="90" />
        <source>Refund</source>
        <translation>환불</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/refund.py" line="92" />
        <source>Cancel whole sale</source>
        <translation>전체 취소</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/refund.py" line="94" />
        <source>Close</source>
        <translation>닫기</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/refund.py" line="98" />
        <source>1. Choose the sale</source>
        <translation>1. 환불할 판매를 고르세요</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/refund.py" line="100" />
        <source>2. Manager: choose your name and enter your PIN</source>
        <translation>2. 매니저: 이름을 고르고 PIN을 입력하세요</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/refund.py" line="103" />
        <source>3. Why?</source>
        <translation>3. 사유</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/refund.py" line="117" />
        <source>Choose the sale to refund first.</source>
        <translation>환불할 판매를 먼저 고르세요.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/refund.py" line="121" />
        <source>A manager must choose their name and enter their PIN.</source>
        <translation>매니저가 이름을 고르고 PIN을 입력해야 합니다.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/refund.py" line="124" />
        <source>Type or choose the reason.</source>
        <translation>사유를 입력하거나 고르세요.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/refund.py" line="128" />
        <source>Type the amount as a number, or leave it empty.</source>
        <translation>금액을 숫자로 입력하거나 비워 두세요.</translation>
    </message>
</context>
<context>
    <name>SaleScreen</name>
    <message>
        <location filename="../../pos_app/ui/sale_screen.py" line="88" />
        <source>Pay</source>
        <translation>결제</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/sale_screen.py" line="91" />
        <source>Clear</source>
        <translation>지우기</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/sale_screen.py" line="93" />
        <source>Type card no.</source>
        <translation>카드 번호 입력</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/sale_screen.py" line="95" />
        <source>Refund</source>
        <translation>환불</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/sale_screen.py" line="97" />
        <source>Reprint</source>
        <translation>영수증 재출력</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/sale_screen.py" line="99" />
        <source>Manage</source>
        <translation>관리</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/sale_screen.py" line="101" />
        <source>Lock</source>
        <translation>잠금</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/sale_screen.py" line="103" />
        <source>Camera</source>
        <translation>카메라</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/sale_screen.py" line="107" />
        <source>Scan a demo card</source>
        <translation>데모 카드 스캔</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/sale_screen.py" line="175" />
        <source>amount</source>
        <translation>금액 입력</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/sale_screen.py" line="177" />
        <source>sold out</source>
        <translation>품절</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/sale_screen.py" line="193" />
        <source>Amount for %1 (won)</source>
        <translation>%1 금액 (원)</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/sale_screen.py" line="200" />
        <source>Type the amount as a number, e.g. 15000.</source>
        <translation>금액을 숫자로 입력하세요. 예: 15000</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/sale_screen.py" line="222" />
        <source>Total %1 won</source>
        <translation>합계 %1원</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/sale_screen.py" line="242" />
        <source>Card read. Balance %1 won.</source>
        <translation>카드를 읽었습니다. 잔액 %1원.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/sale_screen.py" line="253" />
        <source>No camera found. Use the scanner or type the card number.</source>
        <translation>카메라를 찾을 수 없습니다. 스캐너를 쓰거나 카드 번호를 입력하세요.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/sale_screen.py" line="265" />
        <source>No card could be read from this picture. Scan the card again or type its number.</source>
        <translation>이 사진에서 카드를 읽지 못했습니다. 카드를 다시 스캔하거나 카드 번호를 입력하세요.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/sale_screen.py" line="272" />
        <source>Card number</source>
        <translation>카드 번호</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/sale_screen.py" line="272" />
        <source>Type the 12 digits printed under the QR code.</source>
        <translation>QR 코드 아래에 있는 숫자 12자리를 입력하세요.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/sale_screen.py" line="293" />
        <source>Choose the items first.</source>
        <translation>상품을 먼저 고르세요.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/sale_screen.py" line="314" />
        <source>Paid. Sale %1.</source>
        <translation>결제되었습니다. 영수증 번호 %1.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/sale_screen.py" line="316" />
        <source>Change %1 won.</source>
        <translation>거스름돈 %1원.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/sale_screen.py" line="325" />
        <source>Change %1 won</source>
        <translation>거스름돈 %1원</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/sale_screen.py" line="343" />
        <source>There is no receipt to print again yet.</source>
        <translation>다시 출력할 영수증이 아직 없습니다.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/sale_screen.py" line="352" />
        <source>● Online · waiting to send: %1 · last sync %2</source>
        <translation>● 온라인 · 전송 대기 %1건 · 마지막 동기화 %2</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/sale_screen.py" line="355" />
        <source>● Offline: selling continues · waiting to send: %1 · last sync %2</source>
        <translation>● 오프라인: 판매는 계속됩니다 · 전송 대기 %1건 · 마지막 동기화 %2</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/sale_screen.py" line="362" />
        <source>Cashier: %1</source>
        <translation>계산원: %1</translation>
    </message>
</context>
<context>
    <name>SignInScreen</name>
    <message>
        <location filename="../../pos_app/ui/signin.py" line="20" />
        <source>ALL-LIVE Market till</source>
        <translation>올리브 마켓 계산대</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/signin.py" line="24" />
        <source>Choose your name, then enter your PIN.</source>
        <translation>이름을 고른 다음 PIN을 입력하세요.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/signin.py" line="76" />
        <source>Enter the PIN for %1.</source>
        <translation>%1님의 PIN을 입력하세요.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/signin.py" line="81" />
        <source>Choose your name first.</source>
        <translation>이름을 먼저 고르세요.</translation>
    </message>
</context>
</TS>