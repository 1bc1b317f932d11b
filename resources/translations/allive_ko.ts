<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="ko_KR">
<context>
    <name>AfterCloseNotice</name>
    <message>
        <location filename="../../pos_app/ui/after_close.py" line="45" />
        <source>Today was already closed at %1. A sale now counts in today's sales but is not in that close: after selling, a manager must close the day again (Manage › Day close).</source>
        <translation>오늘 영업은 %1에 이미 마감했습니다. 지금 판매하면 오늘 매출에는 들어가지만 마감 보고서에는 빠집니다. 판매 후 매니저가 관리 › 마감에서 다시 마감하세요.</translation>
    </message>
</context>
<context>
    <name>CardPanel</name>
    <message>
        <location filename="../../pos_app/ui/card_panel.py" line="20" />
        <source>as of %1 min ago</source>
        <translation>%1분 전 정보</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/card_panel.py" line="22" />
        <source>as of %1 h %2 min ago</source>
        <translation>%1시간 %2분 전 정보</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/card_panel.py" line="66" />
        <source>Point card</source>
        <translation>포인트 카드</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/card_panel.py" line="68" />
        <source>Scan the card's QR code, or type its number.</source>
        <translation>카드의 QR 코드를 스캔하거나 카드 번호를 입력하세요.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/card_panel.py" line="74" />
        <source>Balance %1 won</source>
        <translation>잔액 %1원</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/card_panel.py" line="75" />
        <source>Can use now: %1 won</source>
        <translation>지금 쓸 수 있는 포인트: %1원</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/card_panel.py" line="81" />
        <source>Checked with the ledger (online)</source>
        <translation>본부 장부에서 확인함 (온라인)</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/card_panel.py" line="84" />
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
        <location filename="../../pos_app/ui/cart_view.py" line="50" />
        <source>tax-free</source>
        <translation>면세</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../pos_app/ui/main_window.py" line="74" />
        <source>ALL-LIVE Market till</source>
        <translation>올리브 마켓 계산대</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/main_window.py" line="102" />
        <source>No staff yet: ask the office or the shop manager to set up this till (allive-admin).</source>
        <translation>등록된 직원이 없습니다. 매장 매니저나 프로그램 사무실에 계산대 설정을 요청하세요.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/main_window.py" line="150" />
        <source>%1 is signed in. Close the till?</source>
        <translation>%1님이 로그인해 있습니다. 계산대를 닫을까요?</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/main_window.py" line="169" />
        <source>This person may not sell on this till.</source>
        <translation>이 직원은 이 계산대에서 판매할 수 없습니다.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/main_window.py" line="205" />
        <source>The till locks in %1 s. Touch the screen to keep working.</source>
        <translation>%1초 뒤 계산대가 잠깁니다. 계속 쓰려면 화면을 누르세요.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/main_window.py" line="215" />
        <source>Sign in first, then scan the card.</source>
        <translation>먼저 로그인한 뒤 카드를 스캔하세요.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/main_window.py" line="256" />
        <source>No manager is set up on this till.</source>
        <translation>이 계산대에 등록된 매니저가 없습니다.</translation>
    </message>
</context>
<context>
    <name>ManagerSignInDialog</name>
    <message>
        <location filename="../../pos_app/ui/signin.py" line="112" />
        <source>Manager</source>
        <translation>매니저</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/signin.py" line="118" />
        <source>Who are you? Touch your name, then type your PIN.</source>
        <translation>누구신가요? 이름을 누르고 PIN을 입력하세요.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/signin.py" line="137" />
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/signin.py" line="141" />
        <source>OK</source>
        <translation>확인</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/signin.py" line="143" />
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/signin.py" line="165" />
        <source>Choose your name first.</source>
        <translation>이름을 먼저 고르세요.</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="50" />
        <source>No internet connection, and this till has no card data yet. Points can be used once it is connected. Take the rest in cash or by bank card.</source>
        <translation>인터넷이 연결되지 않았고 이 계산대에 카드 정보가 아직 없습니다. 포인트는 연결된 뒤에 쓸 수 있습니다. 남은 금액은 현금이나 카드로 받으세요.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="55" />
        <source>The internet has been down too long and the card data is too old. Points can be used once it is connected. Take the rest in cash or by bank card.</source>
        <translation>인터넷 연결이 오래 끊겨 카드 정보가 너무 오래되었습니다. 연결되면 포인트를 쓸 수 있습니다. 남은 금액은 현금이나 카드로 받으세요.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="60" />
        <source>This card is not registered. The card holder should ask their local self-sufficiency centre. Take the rest in cash or by bank card.</source>
        <translation>등록되지 않은 카드입니다. 카드 소지자는 지역자활센터에 문의하세요. 남은 금액은 현금이나 카드로 받으세요.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="65" />
        <source>This card has been stopped. The card holder should ask their local self-sufficiency centre. Take the rest in cash or by bank card.</source>
        <translation>사용이 중지된 카드입니다. 카드 소지자는 지역자활센터에 문의하세요. 남은 금액은 현금이나 카드로 받으세요.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="70" />
        <source>This card was replaced and can no longer be used. Use the new card. Take the rest in cash or by bank card.</source>
        <translation>재발급되어 더 이상 쓸 수 없는 카드입니다. 새 카드를 사용하세요. 남은 금액은 현금이나 카드로 받으세요.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="75" />
        <source>This card's period of use has ended. Take the rest in cash or by bank card.</source>
        <translation>사용 기간이 끝난 카드입니다. 남은 금액은 현금이나 카드로 받으세요.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="78" />
        <source>This card can use points only while the internet is connected. Take the rest in cash or by bank card.</source>
        <translation>이 카드는 인터넷이 연결되었을 때만 포인트를 쓸 수 있습니다. 남은 금액은 현금이나 카드로 받으세요.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="83" />
        <source>Not enough points. Take only what the card can pay in points, and the rest in cash or by bank card.</source>
        <translation>포인트가 부족합니다. 쓸 수 있는 만큼만 포인트로 받고 남은 금액은 현금이나 카드로 받으세요.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="87" />
        <source>While the internet is down, this card has reached today's points limit. Take the rest in cash or by bank card.</source>
        <translation>인터넷이 끊긴 동안 이 카드로 오늘 쓸 수 있는 포인트 한도를 넘었습니다. 남은 금액은 현금이나 카드로 받으세요.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="92" />
        <source>While the internet is down, this till has reached the points it may take. Take the rest in cash or by bank card.</source>
        <translation>인터넷이 끊긴 동안 이 계산대에서 받을 수 있는 포인트 한도를 넘었습니다. 남은 금액은 현금이나 카드로 받으세요.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="97" />
        <source>A card number typed by hand can use points only while the internet is connected. Scan the card's QR code. Take the rest in cash or by bank card.</source>
        <translation>번호를 직접 입력한 카드는 인터넷이 연결되었을 때만 포인트를 쓸 수 있습니다. 카드의 QR을 스캔하세요. 남은 금액은 현금이나 카드로 받으세요.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="102" />
        <source>The points to refund are more than the points paid. Check the refund amount.</source>
        <translation>환불할 포인트가 결제한 포인트보다 많습니다. 환불 금액을 확인하세요.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="106" />
        <source>Payment complete.</source>
        <translation>결제가 완료되었습니다.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="107" />
        <source>Paid offline. It is sent automatically once the internet is back.</source>
        <translation>오프라인으로 결제되었습니다. 인터넷이 연결되면 자동으로 전송됩니다.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="110" />
        <source>Scan the card first to pay with points.</source>
        <translation>포인트로 결제하려면 카드를 먼저 스캔하세요.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="111" />
        <source>The points payment was not approved. Take cash or a bank card, or ask the manager.</source>
        <translation>포인트 결제가 승인되지 않았습니다. 현금이나 카드로 받거나 매니저에게 문의하세요.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="114" />
        <source>The till could not record the sale (the disk may be full), so nothing was sold. Do not hand anything over; call the manager.</source>
        <translation>계산대에 판매를 기록하지 못했습니다 (디스크가 가득 찼을 수 있습니다). 판매되지 않았으니 물건을 건네지 말고 매니저를 부르세요.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="119" />
        <source>The till could not record the refund (the disk may be full), so nothing was refunded. Call the manager.</source>
        <translation>계산대에 환불을 기록하지 못했습니다 (디스크가 가득 찼을 수 있습니다). 환불되지 않았습니다. 매니저를 부르세요.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="124" />
        <source>Refunded.</source>
        <translation>환불되었습니다.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="125" />
        <source>Refunded. The points go back to the card once the internet is connected.</source>
        <translation>환불되었습니다. 포인트는 인터넷 연결 후 카드에 돌아갑니다.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="128" />
        <source>Type the reason for the refund.</source>
        <translation>환불 사유를 입력하세요.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="129" />
        <source>That sale was not found. Check the receipt number.</source>
        <translation>해당 판매를 찾을 수 없습니다. 영수증 번호를 확인하세요.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="132" />
        <source>A sale that was not approved cannot be refunded.</source>
        <translation>승인되지 않은 판매는 환불할 수 없습니다.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="135" />
        <source>More than {hours} hours have passed since the sale, so this till cannot refund it. Contact the programme office.</source>
        <translation>판매 후 {hours}시간이 지나 이 계산대에서 환불할 수 없습니다. 프로그램 사무실에 문의하세요.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="140" />
        <source>This sale has already been refunded in full.</source>
        <translation>이미 전액 환불된 판매입니다.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="144" />
        <source>The cart is empty. Choose the items first.</source>
        <translation>장바구니가 비어 있습니다. 상품을 먼저 고르세요.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="147" />
        <source>The amount is not valid.</source>
        <translation>금액이 올바르지 않습니다.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="148" />
        <source>Points cannot be more than the total ({total} won).</source>
        <translation>포인트는 합계({total}원)보다 많이 쓸 수 없습니다.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="151" />
        <source>The bank card can pay at most what is left ({remainder} won).</source>
        <translation>카드 결제 금액은 남은 금액({remainder}원)까지입니다.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="154" />
        <source>Type the card terminal's approval number.</source>
        <translation>카드 승인번호를 입력하세요.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="157" />
        <source>The cash is {short} won short. Type the cash received again.</source>
        <translation>현금이 {short}원 부족합니다. 받은 돈을 다시 입력하세요.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="160" />
        <source>Nothing is left to pay. Do not take cash.</source>
        <translation>남은 금액이 없습니다. 현금을 받지 마세요.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="163" />
        <source>Type the amount to refund.</source>
        <translation>환불 금액을 입력하세요.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="164" />
        <source>At most {refundable} won can be refunded.</source>
        <translation>환불할 수 있는 금액은 {refundable}원까지입니다.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="168" />
        <source>The card could not be read. Scan it again or type the card number.</source>
        <translation>카드를 읽지 못했습니다. 다시 스캔하거나 카드 번호를 직접 입력하세요.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="171" />
        <source>This card format cannot be used on this till. Contact the programme office.</source>
        <translation>이 카드 형식은 이 계산대에서 쓸 수 없습니다. 프로그램 사무실에 문의하세요.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="174" />
        <source>The card number is not valid. Check the number again.</source>
        <translation>카드 번호가 올바르지 않습니다. 번호를 다시 확인하세요.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="177" />
        <source>This is not an ALL-LIVE card, or it is damaged. Points cannot be used. Take cash or a bank card.</source>
        <translation>올리브 카드가 아니거나 손상된 카드입니다. 포인트로 결제할 수 없습니다. 현금이나 카드로 결제하세요.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="181" />
        <source>This card has been stopped. Points cannot be used. The card holder should ask their local self-sufficiency centre.</source>
        <translation>사용이 중지된 카드입니다. 포인트로 결제할 수 없습니다. 카드 소지자는 지역자활센터에 문의하세요.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="186" />
        <source>This card's period of use has ended. Points cannot be used.</source>
        <translation>사용 기간이 끝난 카드입니다. 포인트로 결제할 수 없습니다.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="189" />
        <source>This card was replaced and can no longer be used. Use the new card.</source>
        <translation>재발급되어 더 이상 쓸 수 없는 카드입니다. 새 카드를 사용하세요.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="193" />
        <source>Type the item code.</source>
        <translation>상품 코드를 입력하세요.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="194" />
        <source>Type the item name.</source>
        <translation>상품 이름을 입력하세요.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="195" />
        <source>The price must be 0 won or more.</source>
        <translation>가격은 0원 이상이어야 합니다.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="196" />
        <source>Type the price. (For an item whose amount the cashier types, choose 'Cashier types the amount'.)</source>
        <translation>가격을 입력하세요. (금액을 직접 입력하는 상품은 '금액 직접 입력'을 선택하세요)</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="200" />
        <source>Type the price as a number only, e.g. 3500</source>
        <translation>가격은 숫자로만 입력하세요. 예: 3500</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="203" />
        <source>The price is too large. Type at most 10,000,000 won.</source>
        <translation>가격이 너무 큽니다. 1,000만 원 이하로 입력하세요.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="206" />
        <source>'{name}' is sold out.</source>
        <translation>'{name}'은(는) 품절입니다.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="207" />
        <source>Type the amount.</source>
        <translation>금액을 입력하세요.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="208" />
        <source>Type a quantity from 1 to {max}.</source>
        <translation>수량은 1에서 {max} 사이로 입력하세요.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="212" />
        <source>Type the number of {denomination} as a number only, e.g. 12</source>
        <translation>{denomination} 개수는 숫자로만 입력하세요. 예: 12</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="215" />
        <source>The number of {denomination} is too large. Count again.</source>
        <translation>{denomination} 개수가 너무 큽니다. 다시 세어 입력하세요.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="218" />
        <source>Type tomorrow's starting cash as a number only, e.g. 100000</source>
        <translation>내일 시작 현금은 숫자로만 입력하세요. 예: 100000</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="221" />
        <source>Type the first starting cash as a number only, e.g. 100000</source>
        <translation>처음 시작 현금은 숫자로만 입력하세요. 예: 100000</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="224" />
        <source>This note or coin is not supported.</source>
        <translation>지원하지 않는 권종입니다.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="227" />
        <source>A count must be 0 or more.</source>
        <translation>개수는 0 이상이어야 합니다.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="228" />
        <source>This business day is already closed. To close it again, tick the re-close confirmation. The earlier close stays on record.</source>
        <translation>이 영업일은 이미 마감되었습니다. 다시 마감하려면 '다시 마감 확인'을 선택하세요. 이전 마감 기록은 그대로 남습니다.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="233" />
        <source>The cash counted is {amount} won more than expected. Type the reason for the difference.</source>
        <translation>센 현금이 예상보다 {amount}원 많습니다. 차이 사유를 입력하세요.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="236" />
        <source>The cash counted is {amount} won short of what was expected. Type the reason.</source>
        <translation>센 현금이 예상보다 {amount}원 부족합니다. 차이 사유를 입력하세요.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="239" />
        <source>Tomorrow's starting cash must be 0 won or more.</source>
        <translation>내일 시작 현금은 0원 이상이어야 합니다.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="242" />
        <source>Tomorrow's starting cash ({next_float} won) is more than the cash counted ({counted} won). Check the amounts.</source>
        <translation>내일 시작 현금({next_float}원)이 센 현금({counted}원)보다 많습니다. 금액을 확인하세요.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="247" />
        <source>The manager closing the day is not known. Sign in again.</source>
        <translation>마감하는 매니저를 확인할 수 없습니다. 다시 로그인하세요.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="251" />
        <source>Choose a PIN of 4 to 8 digits.</source>
        <translation>PIN은 숫자 4~8자리로 정하세요.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="252" />
        <source>Type the name.</source>
        <translation>이름을 입력하세요.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="253" />
        <source>Choose a role.</source>
        <translation>역할을 고르세요.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="254" />
        <source>This staff member was not found.</source>
        <translation>직원을 찾을 수 없습니다.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="255" />
        <source>This staff member cannot sign in. Ask the manager.</source>
        <translation>사용할 수 없는 직원입니다. 매니저에게 문의하세요.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="258" />
        <source>Too many wrong PINs. Try again in {seconds} s.</source>
        <translation>PIN을 여러 번 틀렸습니다. {seconds}초 뒤에 다시 입력하세요.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="261" />
        <source>Wrong PIN. Try again. ({left} tries left)</source>
        <translation>PIN이 맞지 않습니다. 다시 입력하세요. (남은 횟수 {left}번)</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="262" />
        <source>Type the PIN on the number pad.</source>
        <translation>숫자판으로 PIN을 입력하세요.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="263" />
        <source>You may not do this. A manager's PIN is needed.</source>
        <translation>이 작업을 할 권한이 없습니다. 매니저의 PIN이 필요합니다.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="267" />
        <source>Type the shop name.</source>
        <translation>상호를 입력하세요.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="268" />
        <source>A business registration number has 10 digits, e.g. 123-45-67890</source>
        <translation>사업자등록번호는 숫자 10자리입니다. 예: 123-45-67890</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="271" />
        <source>This business registration number is not valid. Check the number on the registration certificate.</source>
        <translation>사업자등록번호가 올바르지 않습니다. 사업자등록증의 번호를 다시 확인하세요.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="275" />
        <source>Type the phone number with digits and '-' only, e.g. 051-123-4567</source>
        <translation>전화번호는 숫자와 '-'로만 입력하세요. 예: 051-123-4567</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="278" />
        <source>Type the screen lock time as a number of seconds from {low} to {high}.</source>
        <translation>화면 잠금 시간은 {low}~{high}초 사이의 숫자로 입력하세요.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="281" />
        <source>Choose a language.</source>
        <translation>언어를 고르세요.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="283" />
        <source>Receipt saved as PDF.</source>
        <translation>영수증을 PDF로 저장했습니다.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="284" />
        <source>Receipt printed.</source>
        <translation>영수증을 출력했습니다.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="285" />
        <source>The printer setting is not valid, e.g. tcp:192.168.0.50:9100</source>
        <translation>프린터 설정이 올바르지 않습니다. 예: tcp:192.168.0.50:9100</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="288" />
        <source>Cannot reach the receipt printer. Check its power, paper and cable. The receipt was saved as PDF.</source>
        <translation>영수증 프린터에 연결할 수 없습니다. 전원과 용지, 케이블을 확인하세요. 영수증은 PDF로 저장되었습니다.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="292" />
        <source>The printer set up was not found. Check the printer name.</source>
        <translation>설정된 프린터를 찾을 수 없습니다. 프린터 이름을 확인하세요.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="295" />
        <source>The printer could not start. Check its power and connection.</source>
        <translation>프린터를 시작할 수 없습니다. 프린터 전원과 연결을 확인하세요.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="300" />
        <source>More than {minutes} minutes have passed since the sale, so this till cannot refund it. Contact the programme office.</source>
        <translation>판매 후 {minutes}분이 지나 이 계산대에서 환불할 수 없습니다. 프로그램 사무실에 문의하세요.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="305" />
        <source>The till's record (journal) is damaged. Selling cannot start. Restore it from a backup or contact the programme office.</source>
        <translation>계산대 기록(저널)이 손상되었습니다. 판매를 시작할 수 없습니다. 백업에서 복구하거나 프로그램 사무실에 연락하세요.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="310" />
        <source>This till is already open on this computer. Use the window that is open; this one closes.</source>
        <translation>이 계산대는 이 컴퓨터에서 이미 열려 있습니다. 열려 있는 창을 쓰세요. 이 창은 닫힙니다.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="315" />
        <source>The till is open on this journal, so it cannot be recovered now. Close the till's window, then run the recovery again. Nothing was changed.</source>
        <translation>이 기록(저널)으로 계산대가 열려 있어 지금은 복구할 수 없습니다. 계산대 창을 닫은 뒤 복구를 다시 실행하세요. 바뀐 것은 없습니다.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="320" />
        <source>Something went wrong. Try again, or ask the manager.</source>
        <translation>문제가 생겼습니다. 다시 해 보거나 매니저에게 문의하세요.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="322" />
        <source>Cashier</source>
        <translation>계산원</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="323" />
        <source>Supervisor</source>
        <translation>책임자</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="324" />
        <source>Manager</source>
        <translation>매니저</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="328" />
        <source>Offline, and this till has no card data yet: points after reconnecting.</source>
        <translation>오프라인이고 이 계산대에 카드 정보가 아직 없습니다: 인터넷 연결 후 포인트 사용 가능.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="331" />
        <source>Offline too long, the card data is too old: points after reconnecting.</source>
        <translation>오프라인이 오래되어 카드 정보가 너무 오래되었습니다: 인터넷 연결 후 포인트 사용 가능.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="334" />
        <source>This card is not in this till's data.</source>
        <translation>이 카드는 이 계산대의 카드 정보에 없습니다.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="335" />
        <source>This card has been stopped.</source>
        <translation>사용이 정지된 카드입니다.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="336" />
        <source>This card was replaced.</source>
        <translation>재발급되어 더 이상 쓸 수 없는 카드입니다.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="337" />
        <source>This card's period of use has ended.</source>
        <translation>사용 기간이 끝난 카드입니다.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="338" />
        <source>This card can use points only while the internet is connected.</source>
        <translation>이 카드는 인터넷이 연결되어 있을 때만 포인트를 쓸 수 있습니다.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="341" />
        <source>Offline: a card may use at most {cap} won of points a day.</source>
        <translation>오프라인: 카드 한 장의 하루 포인트 한도는 {cap}원입니다.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="344" />
        <source>Offline: this till has taken all the points it may take until it reconnects.</source>
        <translation>오프라인: 이 계산대가 받을 수 있는 포인트 한도에 이르렀습니다. 인터넷 연결 후 다시 쓸 수 있습니다.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="347" />
        <source>A typed card number can use points only online. Scan the QR code instead.</source>
        <translation>카드 번호를 직접 입력하면 온라인에서만 포인트를 쓸 수 있습니다. QR 코드를 스캔하세요.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="351" />
        <source>Refunded {amount} won.</source>
        <translation>{amount}원을 환불했습니다.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="352" />
        <source>Give back {amount} won in cash.</source>
        <translation>현금 {amount}원을 돌려주세요.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="353" />
        <source>Cancel {amount} won on the card terminal.</source>
        <translation>카드 단말기에서 {amount}원을 취소하세요.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="354" />
        <source>{amount} won of points go back to the card.</source>
        <translation>포인트 {amount}원은 카드로 돌아갑니다.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="355" />
        <source>{amount} won of points go back to the card once the internet is connected.</source>
        <translation>포인트 {amount}원은 인터넷 연결 후 카드로 돌아갑니다.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="359" />
        <source>Points</source>
        <translation>포인트</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="360" />
        <source>Cash</source>
        <translation>현금</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="361" />
        <source>Card</source>
        <translation>카드</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="364" />
        <source>Changed their mind</source>
        <translation>고객 변심</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="365" />
        <source>Problem with the item</source>
        <translation>상품 문제</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="366" />
        <source>Rung up wrongly</source>
        <translation>잘못 계산함</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="367" />
        <source>Order cancelled</source>
        <translation>주문 취소</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="369" />
        <source>{value} won notes</source>
        <translation>{value}원 지폐</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="370" />
        <source>{value} won coins</source>
        <translation>{value}원 동전</translation>
    </message>
</context>
<context>
    <name>NumberEntryDialog</name>
    <message>
        <location filename="../../pos_app/ui/widgets.py" line="211" />
        <source>OK</source>
        <translation>확인</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/widgets.py" line="213" />
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
</context>
<context>
    <name>NumberPad</name>
    <message>
        <location filename="../../pos_app/ui/widgets.py" line="103" />
        <source>Clear</source>
        <translation>지우기</translation>
    </message>
</context>
<context>
    <name>PaidView</name>
    <message>
        <location filename="../../pos_app/ui/sale_screen.py" line="63" />
        <source>Payment complete</source>
        <translation>결제 완료</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/sale_screen.py" line="74" />
        <source>Touch the screen or scan the next card to go on.</source>
        <translation>화면을 누르거나 다음 카드를 스캔하면 계속합니다.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/sale_screen.py" line="90" />
        <source>Total %1 won</source>
        <translation>합계 %1원</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/sale_screen.py" line="92" />
        <source>Points used %1 won</source>
        <translation>사용한 포인트 %1원</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/sale_screen.py" line="94" />
        <source>Card balance %1 won</source>
        <translation>카드 잔액 %1원</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/sale_screen.py" line="96" />
        <source>Bank card %1 won</source>
        <translation>카드 결제 %1원</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/sale_screen.py" line="98" />
        <source>Cash received %1 won</source>
        <translation>받은 돈 %1원</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/sale_screen.py" line="101" />
        <source>Change %1 won</source>
        <translation>거스름돈 %1원</translation>
    </message>
</context>
<context>
    <name>PaymentDialog</name>
    <message>
        <location filename="../../pos_app/ui/payment.py" line="66" />
        <source>Payment</source>
        <translation>결제</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/payment.py" line="79" />
        <source>Total %1 won</source>
        <translation>합계 %1원</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/payment.py" line="91" />
        <source>Points</source>
        <translation>포인트</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/payment.py" line="91" />
        <source>Points (scan a card to use points)</source>
        <translation>포인트 (카드를 스캔하면 쓸 수 있습니다)</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/payment.py" line="95" />
        <source>Max</source>
        <translation>최대</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/payment.py" line="97" />
        <source>None</source>
        <translation>안 씀</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/payment.py" line="107" />
        <source>Card %1 · can use %2 won now</source>
        <translation>카드 %1 · 지금 %2원 사용 가능</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/payment.py" line="110" />
        <source> (offline)</source>
        <translation> (오프라인)</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/payment.py" line="119" />
        <source>Cash</source>
        <translation>현금</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/payment.py" line="120" />
        <source>Bank card</source>
        <translation>카드</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/payment.py" line="135" />
        <source>Cash received</source>
        <translation>받은 돈</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/payment.py" line="150" />
        <source>Approval number from the card terminal</source>
        <translation>카드 단말기의 승인번호</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/payment.py" line="152" />
        <source>Charge the remainder on the card terminal, then type its approval number.</source>
        <translation>남은 금액을 카드 단말기로 결제한 뒤 승인번호를 입력하세요.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/payment.py" line="166" />
        <source>Complete payment</source>
        <translation>결제 완료</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/payment.py" line="169" />
        <source>Back</source>
        <translation>뒤로</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/payment.py" line="216" />
        <source>At most %1 won in points can be used now.</source>
        <translation>지금은 포인트를 %1원까지만 쓸 수 있습니다.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/payment.py" line="222" />
        <source>Left to pay: %1 won</source>
        <translation>남은 금액: %1원</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/payment.py" line="231" />
        <source>Change %1 won</source>
        <translation>거스름돈 %1원</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/payment.py" line="240" />
        <source>Type the points as a number.</source>
        <translation>포인트를 숫자로 입력하세요.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/payment.py" line="252" />
        <source>Type the cash received as a number.</source>
        <translation>받은 돈을 숫자로 입력하세요.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/payment.py" line="286" />
        <source>Taking the payment… please wait.</source>
        <translation>결제 중입니다… 잠시 기다려 주세요.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/payment.py" line="311" />
        <source>The payment could not be taken. Try again, or ask the manager.</source>
        <translation>결제를 처리하지 못했습니다. 다시 시도하거나 매니저에게 문의하세요.</translation>
    </message>
</context>
<context>
    <name>PinPad</name>
    <message>
        <location filename="../../pos_app/ui/widgets.py" line="160" />
        <source>OK</source>
        <translation>확인</translation>
    </message>
</context>
<context>
    <name>RefundDialog</name>
    <message>
        <location filename="../../pos_app/ui/refund.py" line="55" />
        <source>Refund or cancel a sale</source>
        <translation>환불 · 판매 취소</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/refund.py" line="85" />
        <source>Manager's PIN</source>
        <translation>매니저 PIN</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/refund.py" line="88" />
        <source>Reason (required)</source>
        <translation>사유 (꼭 입력)</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/refund.py" line="97" />
        <source>Amount (empty: everything left)</source>
        <translation>환불 금액 (비워 두면 남은 금액 전부)</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/refund.py" line="101" />
        <source>Refund</source>
        <translation>환불</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/refund.py" line="103" />
        <source>Cancel whole sale</source>
        <translation>전체 취소</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/refund.py" line="105" />
        <source>Close</source>
        <translation>닫기</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/refund.py" line="109" />
        <source>1. Choose the sale</source>
        <translation>1. 환불할 판매를 고르세요</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/refund.py" line="115" />
        <source>2. Manager: choose your name and enter your PIN</source>
        <translation>2. 매니저: 이름을 고르고 PIN을 입력하세요</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/refund.py" line="111" />
        <source>3. Why?</source>
        <translation>3. 사유</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/refund.py" line="44" />
        <source>refundable %1</source>
        <translation>환불 가능 %1</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/refund.py" line="46" />
        <source>%1 won</source>
        <translation>%1원</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/refund.py" line="140" />
        <source>Choose the sale to refund first.</source>
        <translation>환불할 판매를 먼저 고르세요.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/refund.py" line="144" />
        <source>A manager must choose their name and enter their PIN.</source>
        <translation>매니저가 이름을 고르고 PIN을 입력해야 합니다.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/refund.py" line="155" />
        <source>Type or choose the reason.</source>
        <translation>사유를 입력하거나 고르세요.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/refund.py" line="159" />
        <source>Type the amount as a number, or leave it empty.</source>
        <translation>금액을 숫자로 입력하거나 비워 두세요.</translation>
    </message>
</context>
<context>
    <name>SaleScreen</name>
    <message>
        <location filename="../../pos_app/ui/sale_screen.py" line="174" />
        <source>Pay</source>
        <translation>결제</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/sale_screen.py" line="177" />
        <source>Clear</source>
        <translation>지우기</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/sale_screen.py" line="179" />
        <source>Type card no.</source>
        <translation>카드 번호 입력</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/sale_screen.py" line="181" />
        <source>Refund</source>
        <translation>환불</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/sale_screen.py" line="183" />
        <source>Reprint</source>
        <translation>영수증 재출력</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/sale_screen.py" line="185" />
        <source>Manage</source>
        <translation>관리</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/sale_screen.py" line="187" />
        <source>Lock</source>
        <translation>잠금</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/sale_screen.py" line="189" />
        <source>Camera</source>
        <translation>카메라</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/sale_screen.py" line="193" />
        <source>Scan a demo card</source>
        <translation>데모 카드 스캔</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/sale_screen.py" line="288" />
        <source>amount</source>
        <translation>금액 입력</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/sale_screen.py" line="290" />
        <source>sold out</source>
        <translation>품절</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/sale_screen.py" line="309" />
        <source>Amount for %1 (won)</source>
        <translation>%1 금액 (원)</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/sale_screen.py" line="318" />
        <source>Type the amount as a number, e.g. 15000.</source>
        <translation>금액을 숫자로 입력하세요. 예: 15000</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/sale_screen.py" line="340" />
        <source>Total %1 won</source>
        <translation>합계 %1원</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/sale_screen.py" line="385" />
        <source>Card read. Balance %1 won.</source>
        <translation>카드를 읽었습니다. 잔액 %1원.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/sale_screen.py" line="388" />
        <source>Points usable now: %1 won.</source>
        <translation>지금 쓸 수 있는 포인트: %1원.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/sale_screen.py" line="417" />
        <source>No camera found. Use the scanner or type the card number.</source>
        <translation>카메라를 찾을 수 없습니다. 스캐너를 쓰거나 카드 번호를 입력하세요.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/sale_screen.py" line="430" />
        <source>No card could be read from this picture. Scan the card again or type its number.</source>
        <translation>이 사진에서 카드를 읽지 못했습니다. 카드를 다시 스캔하거나 카드 번호를 입력하세요.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/sale_screen.py" line="438" />
        <source>Card number</source>
        <translation>카드 번호</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/sale_screen.py" line="439" />
        <source>Type the 12 digits printed under the QR code.</source>
        <translation>QR 코드 아래에 있는 숫자 12자리를 입력하세요.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/sale_screen.py" line="467" />
        <source>Choose the items first.</source>
        <translation>상품을 먼저 고르세요.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/sale_screen.py" line="501" />
        <source>The receipt could not be saved: %1</source>
        <translation>영수증을 저장하지 못했습니다: %1</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/sale_screen.py" line="515" />
        <source>Paid. Sale %1.</source>
        <translation>결제되었습니다. 영수증 번호 %1.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/sale_screen.py" line="517" />
        <source>Change %1 won.</source>
        <translation>거스름돈 %1원.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/sale_screen.py" line="570" />
        <source>To send: %1 · last sync %2</source>
        <translation>보낼 기록: %1 · 마지막 동기화 %2</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/sale_screen.py" line="573" />
        <source>● Points stopped: the manager must recover this till</source>
        <translation>● 포인트 중지: 매니저가 계산대를 복구해야 합니다</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/sale_screen.py" line="577" />
        <source>● The PC clock is wrong: ask the manager to set it</source>
        <translation>● PC 시계가 맞지 않습니다: 매니저에게 시간을 맞춰 달라고 하세요</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/sale_screen.py" line="580" />
        <source>● Online</source>
        <translation>● 온라인</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/sale_screen.py" line="583" />
        <source>● Offline: selling continues</source>
        <translation>● 오프라인: 판매는 계속됩니다</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/sale_screen.py" line="551" />
        <source>There is no receipt to print again yet.</source>
        <translation>다시 출력할 영수증이 아직 없습니다.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/sale_screen.py" line="553" />
        <source>Printing the receipt again.</source>
        <translation>영수증을 다시 출력합니다.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/sale_screen.py" line="590" />
        <source>Cashier: %1</source>
        <translation>계산원: %1</translation>
    </message>
</context>
<context>
    <name>SignInScreen</name>
    <message>
        <location filename="../../pos_app/ui/signin.py" line="30" />
        <source>ALL-LIVE Market till</source>
        <translation>올리브 마켓 계산대</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/signin.py" line="34" />
        <source>Choose your name, then enter your PIN.</source>
        <translation>이름을 고른 다음 PIN을 입력하세요.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/signin.py" line="87" />
        <source>Enter the PIN for %1.</source>
        <translation>%1님의 PIN을 입력하세요.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/signin.py" line="92" />
        <source>Choose your name first.</source>
        <translation>이름을 먼저 고르세요.</translation>
    </message>
</context>
</TS>