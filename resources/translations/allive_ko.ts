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
        <location filename="../../pos_app/ui/main_window.py" line="73" />
        <source>ALL-LIVE Market till</source>
        <translation>올리브 마켓 계산대</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/main_window.py" line="99" />
        <source>No staff yet: ask the office or the shop manager to set up this till (allive-admin).</source>
        <translation>등록된 직원이 없습니다. 매장 매니저나 프로그램 사무실에 계산대 설정을 요청하세요.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/main_window.py" line="128" />
        <source>This person may not sell on this till.</source>
        <translation>이 직원은 이 계산대에서 판매할 수 없습니다.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/main_window.py" line="151" />
        <source>The till locks in %1 s. Touch the screen to keep working.</source>
        <translation>%1초 뒤 계산대가 잠깁니다. 계속 쓰려면 화면을 누르세요.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/main_window.py" line="160" />
        <source>Sign in first, then scan the card.</source>
        <translation>먼저 로그인한 뒤 카드를 스캔하세요.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/main_window.py" line="201" />
        <source>No manager is set up on this till.</source>
        <translation>이 계산대에 등록된 매니저가 없습니다.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/main_window.py" line="204" />
        <location filename="../../pos_app/ui/main_window.py" line="208" />
        <source>Manager</source>
        <translation>매니저</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/main_window.py" line="204" />
        <source>Who are you?</source>
        <translation>누구신가요?</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/main_window.py" line="208" />
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="48" />
        <source>No internet connection, and this till has no card data yet. Points can be used once it is connected. Take the rest in cash or by bank card.</source>
        <translation>인터넷이 연결되지 않았고 이 계산대에 카드 정보가 아직 없습니다. 포인트는 연결된 뒤에 쓸 수 있습니다. 남은 금액은 현금이나 카드로 받으세요.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="53" />
        <source>The internet has been down too long and the card data is too old. Points can be used once it is connected. Take the rest in cash or by bank card.</source>
        <translation>인터넷 연결이 오래 끊겨 카드 정보가 너무 오래되었습니다. 연결되면 포인트를 쓸 수 있습니다. 남은 금액은 현금이나 카드로 받으세요.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="58" />
        <source>This card is not registered. The card holder should ask their local self-sufficiency centre. Take the rest in cash or by bank card.</source>
        <translation>등록되지 않은 카드입니다. 카드 소지자는 지역자활센터에 문의하세요. 남은 금액은 현금이나 카드로 받으세요.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="63" />
        <source>This card has been stopped. The card holder should ask their local self-sufficiency centre. Take the rest in cash or by bank card.</source>
        <translation>사용이 중지된 카드입니다. 카드 소지자는 지역자활센터에 문의하세요. 남은 금액은 현금이나 카드로 받으세요.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="68" />
        <source>This card was replaced and can no longer be used. Use the new card. Take the rest in cash or by bank card.</source>
        <translation>재발급되어 더 이상 쓸 수 없는 카드입니다. 새 카드를 사용하세요. 남은 금액은 현금이나 카드로 받으세요.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="73" />
        <source>This card's period of use has ended. Take the rest in cash or by bank card.</source>
        <translation>사용 기간이 끝난 카드입니다. 남은 금액은 현금이나 카드로 받으세요.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="76" />
        <source>This card can use points only while the internet is connected. Take the rest in cash or by bank card.</source>
        <translation>이 카드는 인터넷이 연결되었을 때만 포인트를 쓸 수 있습니다. 남은 금액은 현금이나 카드로 받으세요.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="81" />
        <source>Not enough points. Take only what the card can pay in points, and the rest in cash or by bank card.</source>
        <translation>포인트가 부족합니다. 쓸 수 있는 만큼만 포인트로 받고 남은 금액은 현금이나 카드로 받으세요.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="85" />
        <source>While the internet is down, this card has reached today's points limit. Take the rest in cash or by bank card.</source>
        <translation>인터넷이 끊긴 동안 이 카드로 오늘 쓸 수 있는 포인트 한도를 넘었습니다. 남은 금액은 현금이나 카드로 받으세요.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="90" />
        <source>While the internet is down, this till has reached the points it may take. Take the rest in cash or by bank card.</source>
        <translation>인터넷이 끊긴 동안 이 계산대에서 받을 수 있는 포인트 한도를 넘었습니다. 남은 금액은 현금이나 카드로 받으세요.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="95" />
        <source>A card number typed by hand can use points only while the internet is connected. Scan the card's QR code. Take the rest in cash or by bank card.</source>
        <translation>번호를 직접 입력한 카드는 인터넷이 연결되었을 때만 포인트를 쓸 수 있습니다. 카드의 QR을 스캔하세요. 남은 금액은 현금이나 카드로 받으세요.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="100" />
        <source>The points to refund are more than the points paid. Check the refund amount.</source>
        <translation>환불할 포인트가 결제한 포인트보다 많습니다. 환불 금액을 확인하세요.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="104" />
        <source>Payment complete.</source>
        <translation>결제가 완료되었습니다.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="105" />
        <source>Paid offline. It is sent automatically once the internet is back.</source>
        <translation>오프라인으로 결제되었습니다. 인터넷이 연결되면 자동으로 전송됩니다.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="108" />
        <source>Scan the card first to pay with points.</source>
        <translation>포인트로 결제하려면 카드를 먼저 스캔하세요.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="109" />
        <source>The points payment was not approved. Take cash or a bank card, or ask the manager.</source>
        <translation>포인트 결제가 승인되지 않았습니다. 현금이나 카드로 받거나 매니저에게 문의하세요.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="112" />
        <source>The till could not record the sale (the disk may be full), so nothing was sold. Do not hand anything over; call the manager.</source>
        <translation>계산대에 판매를 기록하지 못했습니다 (디스크가 가득 찼을 수 있습니다). 판매되지 않았으니 물건을 건네지 말고 매니저를 부르세요.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="117" />
        <source>The till could not record the refund (the disk may be full), so nothing was refunded. Call the manager.</source>
        <translation>계산대에 환불을 기록하지 못했습니다 (디스크가 가득 찼을 수 있습니다). 환불되지 않았습니다. 매니저를 부르세요.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="122" />
        <source>Refunded.</source>
        <translation>환불되었습니다.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="123" />
        <source>Refunded. The points go back to the card once the internet is connected.</source>
        <translation>환불되었습니다. 포인트는 인터넷 연결 후 카드에 돌아갑니다.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="126" />
        <source>Type the reason for the refund.</source>
        <translation>환불 사유를 입력하세요.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="127" />
        <source>That sale was not found. Check the receipt number.</source>
        <translation>해당 판매를 찾을 수 없습니다. 영수증 번호를 확인하세요.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="130" />
        <source>A sale that was not approved cannot be refunded.</source>
        <translation>승인되지 않은 판매는 환불할 수 없습니다.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="133" />
        <source>More than {hours} hours have passed since the sale, so this till cannot refund it. Contact the programme office.</source>
        <translation>판매 후 {hours}시간이 지나 이 계산대에서 환불할 수 없습니다. 프로그램 사무실에 문의하세요.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="138" />
        <source>This sale has already been refunded in full.</source>
        <translation>이미 전액 환불된 판매입니다.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="142" />
        <source>The cart is empty. Choose the items first.</source>
        <translation>장바구니가 비어 있습니다. 상품을 먼저 고르세요.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="145" />
        <source>The amount is not valid.</source>
        <translation>금액이 올바르지 않습니다.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="146" />
        <source>Points cannot be more than the total ({total} won).</source>
        <translation>포인트는 합계({total}원)보다 많이 쓸 수 없습니다.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="149" />
        <source>The bank card can pay at most what is left ({remainder} won).</source>
        <translation>카드 결제 금액은 남은 금액({remainder}원)까지입니다.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="152" />
        <source>Type the card terminal's approval number.</source>
        <translation>카드 승인번호를 입력하세요.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="155" />
        <source>The cash is {short} won short. Type the cash received again.</source>
        <translation>현금이 {short}원 부족합니다. 받은 돈을 다시 입력하세요.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="158" />
        <source>Nothing is left to pay. Do not take cash.</source>
        <translation>남은 금액이 없습니다. 현금을 받지 마세요.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="161" />
        <source>Type the amount to refund.</source>
        <translation>환불 금액을 입력하세요.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="162" />
        <source>At most {refundable} won can be refunded.</source>
        <translation>환불할 수 있는 금액은 {refundable}원까지입니다.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="166" />
        <source>The card could not be read. Scan it again or type the card number.</source>
        <translation>카드를 읽지 못했습니다. 다시 스캔하거나 카드 번호를 직접 입력하세요.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="169" />
        <source>This card format cannot be used on this till. Contact the programme office.</source>
        <translation>이 카드 형식은 이 계산대에서 쓸 수 없습니다. 프로그램 사무실에 문의하세요.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="172" />
        <source>The card number is not valid. Check the number again.</source>
        <translation>카드 번호가 올바르지 않습니다. 번호를 다시 확인하세요.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="175" />
        <source>This is not an ALL-LIVE card, or it is damaged. Points cannot be used. Take cash or a bank card.</source>
        <translation>올리브 카드가 아니거나 손상된 카드입니다. 포인트로 결제할 수 없습니다. 현금이나 카드로 결제하세요.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="179" />
        <source>This card has been stopped. Points cannot be used. The card holder should ask their local self-sufficiency centre.</source>
        <translation>사용이 중지된 카드입니다. 포인트로 결제할 수 없습니다. 카드 소지자는 지역자활센터에 문의하세요.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="184" />
        <source>This card's period of use has ended. Points cannot be used.</source>
        <translation>사용 기간이 끝난 카드입니다. 포인트로 결제할 수 없습니다.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="187" />
        <source>This card was replaced and can no longer be used. Use the new card.</source>
        <translation>재발급되어 더 이상 쓸 수 없는 카드입니다. 새 카드를 사용하세요.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="191" />
        <source>Type the item code.</source>
        <translation>상품 코드를 입력하세요.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="192" />
        <source>Type the item name.</source>
        <translation>상품 이름을 입력하세요.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="193" />
        <source>The price must be 0 won or more.</source>
        <translation>가격은 0원 이상이어야 합니다.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="194" />
        <source>Type the price. (For an item whose amount the cashier types, choose 'Cashier types the amount'.)</source>
        <translation>가격을 입력하세요. (금액을 직접 입력하는 상품은 '금액 직접 입력'을 선택하세요)</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="198" />
        <source>Type the price as a number only, e.g. 3500</source>
        <translation>가격은 숫자로만 입력하세요. 예: 3500</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="201" />
        <source>The price is too large. Type at most 10,000,000 won.</source>
        <translation>가격이 너무 큽니다. 1,000만 원 이하로 입력하세요.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="204" />
        <source>'{name}' is sold out.</source>
        <translation>'{name}'은(는) 품절입니다.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="205" />
        <source>Type the amount.</source>
        <translation>금액을 입력하세요.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="206" />
        <source>Type a quantity from 1 to {max}.</source>
        <translation>수량은 1에서 {max} 사이로 입력하세요.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="210" />
        <source>Type the number of {denomination} as a number only, e.g. 12</source>
        <translation>{denomination} 개수는 숫자로만 입력하세요. 예: 12</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="213" />
        <source>The number of {denomination} is too large. Count again.</source>
        <translation>{denomination} 개수가 너무 큽니다. 다시 세어 입력하세요.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="216" />
        <source>Type tomorrow's starting cash as a number only, e.g. 100000</source>
        <translation>내일 시작 현금은 숫자로만 입력하세요. 예: 100000</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="219" />
        <source>Type the first starting cash as a number only, e.g. 100000</source>
        <translation>처음 시작 현금은 숫자로만 입력하세요. 예: 100000</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="222" />
        <source>This note or coin is not supported.</source>
        <translation>지원하지 않는 권종입니다.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="225" />
        <source>A count must be 0 or more.</source>
        <translation>개수는 0 이상이어야 합니다.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="226" />
        <source>This business day is already closed. To close it again, tick the re-close confirmation. The earlier close stays on record.</source>
        <translation>이 영업일은 이미 마감되었습니다. 다시 마감하려면 '다시 마감 확인'을 선택하세요. 이전 마감 기록은 그대로 남습니다.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="231" />
        <source>The cash counted is {amount} won more than expected. Type the reason for the difference.</source>
        <translation>센 현금이 예상보다 {amount}원 많습니다. 차이 사유를 입력하세요.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="234" />
        <source>The cash counted is {amount} won short of what was expected. Type the reason.</source>
        <translation>센 현금이 예상보다 {amount}원 부족합니다. 차이 사유를 입력하세요.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="237" />
        <source>Tomorrow's starting cash must be 0 won or more.</source>
        <translation>내일 시작 현금은 0원 이상이어야 합니다.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="240" />
        <source>Tomorrow's starting cash ({next_float} won) is more than the cash counted ({counted} won). Check the amounts.</source>
        <translation>내일 시작 현금({next_float}원)이 센 현금({counted}원)보다 많습니다. 금액을 확인하세요.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="245" />
        <source>The manager closing the day is not known. Sign in again.</source>
        <translation>마감하는 매니저를 확인할 수 없습니다. 다시 로그인하세요.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="249" />
        <source>Choose a PIN of 4 to 8 digits.</source>
        <translation>PIN은 숫자 4~8자리로 정하세요.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="250" />
        <source>Type the name.</source>
        <translation>이름을 입력하세요.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="251" />
        <source>Choose a role.</source>
        <translation>역할을 고르세요.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="252" />
        <source>This staff member was not found.</source>
        <translation>직원을 찾을 수 없습니다.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="253" />
        <source>This staff member cannot sign in. Ask the manager.</source>
        <translation>사용할 수 없는 직원입니다. 매니저에게 문의하세요.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="256" />
        <source>Too many wrong PINs. Try again in {seconds} s.</source>
        <translation>PIN을 여러 번 틀렸습니다. {seconds}초 뒤에 다시 입력하세요.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="259" />
        <source>Wrong PIN. Try again. ({left} tries left)</source>
        <translation>PIN이 맞지 않습니다. 다시 입력하세요. (남은 횟수 {left}번)</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="260" />
        <source>You may not do this. A manager's PIN is needed.</source>
        <translation>이 작업을 할 권한이 없습니다. 매니저의 PIN이 필요합니다.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="264" />
        <source>Type the shop name.</source>
        <translation>상호를 입력하세요.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="265" />
        <source>A business registration number has 10 digits, e.g. 123-45-67890</source>
        <translation>사업자등록번호는 숫자 10자리입니다. 예: 123-45-67890</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="268" />
        <source>This business registration number is not valid. Check the number on the registration certificate.</source>
        <translation>사업자등록번호가 올바르지 않습니다. 사업자등록증의 번호를 다시 확인하세요.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="272" />
        <source>Type the phone number with digits and '-' only, e.g. 051-123-4567</source>
        <translation>전화번호는 숫자와 '-'로만 입력하세요. 예: 051-123-4567</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="275" />
        <source>Type the screen lock time as a number of seconds from {low} to {high}.</source>
        <translation>화면 잠금 시간은 {low}~{high}초 사이의 숫자로 입력하세요.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="278" />
        <source>Choose a language.</source>
        <translation>언어를 고르세요.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="280" />
        <source>Receipt saved as PDF.</source>
        <translation>영수증을 PDF로 저장했습니다.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="281" />
        <source>Receipt printed.</source>
        <translation>영수증을 출력했습니다.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="282" />
        <source>The printer setting is not valid, e.g. tcp:192.168.0.50:9100</source>
        <translation>프린터 설정이 올바르지 않습니다. 예: tcp:192.168.0.50:9100</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="285" />
        <source>Cannot reach the receipt printer. Check its power, paper and cable. The receipt was saved as PDF.</source>
        <translation>영수증 프린터에 연결할 수 없습니다. 전원과 용지, 케이블을 확인하세요. 영수증은 PDF로 저장되었습니다.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="289" />
        <source>The printer set up was not found. Check the printer name.</source>
        <translation>설정된 프린터를 찾을 수 없습니다. 프린터 이름을 확인하세요.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="292" />
        <source>The printer could not start. Check its power and connection.</source>
        <translation>프린터를 시작할 수 없습니다. 프린터 전원과 연결을 확인하세요.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="297" />
        <source>More than {minutes} minutes have passed since the sale, so this till cannot refund it. Contact the programme office.</source>
        <translation>판매 후 {minutes}분이 지나 이 계산대에서 환불할 수 없습니다. 프로그램 사무실에 문의하세요.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="302" />
        <source>The till's record (journal) is damaged. Selling cannot start. Restore it from a backup or contact the programme office.</source>
        <translation>계산대 기록(저널)이 손상되었습니다. 판매를 시작할 수 없습니다. 백업에서 복구하거나 프로그램 사무실에 연락하세요.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="307" />
        <source>Something went wrong. Try again, or ask the manager.</source>
        <translation>문제가 생겼습니다. 다시 해 보거나 매니저에게 문의하세요.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="309" />
        <source>Cashier</source>
        <translation>계산원</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="310" />
        <source>Supervisor</source>
        <translation>책임자</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="311" />
        <source>Manager</source>
        <translation>매니저</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="313" />
        <source>{value} won notes</source>
        <translation>{value}원 지폐</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/messages.py" line="314" />
        <source>{value} won coins</source>
        <translation>{value}원 동전</translation>
    </message>
</context>
<context>
    <name>PaymentDialog</name>
    <message>
        <location filename="../../pos_app/ui/payment.py" line="57" />
        <source>Payment</source>
        <translation>결제</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/payment.py" line="65" />
        <source>Total %1 won</source>
        <translation>합계 %1원</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/payment.py" line="77" />
        <source>Points</source>
        <translation>포인트</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/payment.py" line="77" />
        <source>Points (scan a card to use points)</source>
        <translation>포인트 (카드를 스캔하면 쓸 수 있습니다)</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/payment.py" line="80" />
        <source>Max</source>
        <translation>최대</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/payment.py" line="84" />
        <source>None</source>
        <translation>안 씀</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/payment.py" line="92" />
        <source>Card %1 · can use %2 won now</source>
        <translation>카드 %1 · 지금 %2원 사용 가능</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/payment.py" line="95" />
        <source> (offline)</source>
        <translation> (오프라인)</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/payment.py" line="103" />
        <source>Cash</source>
        <translation>현금</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/payment.py" line="104" />
        <source>Bank card</source>
        <translation>카드</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/payment.py" line="118" />
        <source>Cash received</source>
        <translation>받은 돈</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/payment.py" line="132" />
        <source>Approval number from the card terminal</source>
        <translation>카드 단말기의 승인번호</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/payment.py" line="134" />
        <source>Charge the remainder on the card terminal, then type its approval number.</source>
        <translation>남은 금액을 카드 단말기로 결제한 뒤 승인번호를 입력하세요.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/payment.py" line="142" />
        <source>Complete payment</source>
        <translation>결제 완료</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/payment.py" line="145" />
        <source>Back</source>
        <translation>뒤로</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/payment.py" line="176" />
        <source>Left to pay: %1 won</source>
        <translation>남은 금액: %1원</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/payment.py" line="185" />
        <source>Change %1 won</source>
        <translation>거스름돈 %1원</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/payment.py" line="194" />
        <source>Type the points as a number.</source>
        <translation>포인트를 숫자로 입력하세요.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/payment.py" line="201" />
        <source>Type the cash received as a number.</source>
        <translation>받은 돈을 숫자로 입력하세요.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/payment.py" line="221" />
        <source>Taking the payment… please wait.</source>
        <translation>결제 중입니다… 잠시 기다려 주세요.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/payment.py" line="237" />
        <source>The payment could not be taken. Try again, or ask the manager.</source>
        <translation>결제를 처리하지 못했습니다. 다시 시도하거나 매니저에게 문의하세요.</translation>
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
        <location filename="../../pos_app/ui/sale_screen.py" line="85" />
        <source>Pay</source>
        <translation>결제</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/sale_screen.py" line="88" />
        <source>Clear</source>
        <translation>지우기</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/sale_screen.py" line="90" />
        <source>Type card no.</source>
        <translation>카드 번호 입력</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/sale_screen.py" line="92" />
        <source>Refund</source>
        <translation>환불</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/sale_screen.py" line="94" />
        <source>Reprint</source>
        <translation>영수증 재출력</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/sale_screen.py" line="96" />
        <source>Manage</source>
        <translation>관리</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/sale_screen.py" line="98" />
        <source>Lock</source>
        <translation>잠금</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/sale_screen.py" line="100" />
        <source>Camera</source>
        <translation>카메라</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/sale_screen.py" line="104" />
        <source>Scan a demo card</source>
        <translation>데모 카드 스캔</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/sale_screen.py" line="172" />
        <source>amount</source>
        <translation>금액 입력</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/sale_screen.py" line="174" />
        <source>sold out</source>
        <translation>품절</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/sale_screen.py" line="190" />
        <source>Amount for %1 (won)</source>
        <translation>%1 금액 (원)</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/sale_screen.py" line="197" />
        <source>Type the amount as a number, e.g. 15000.</source>
        <translation>금액을 숫자로 입력하세요. 예: 15000</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/sale_screen.py" line="219" />
        <source>Total %1 won</source>
        <translation>합계 %1원</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/sale_screen.py" line="260" />
        <source>Card read. Balance %1 won.</source>
        <translation>카드를 읽었습니다. 잔액 %1원.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/sale_screen.py" line="286" />
        <source>No camera found. Use the scanner or type the card number.</source>
        <translation>카메라를 찾을 수 없습니다. 스캐너를 쓰거나 카드 번호를 입력하세요.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/sale_screen.py" line="298" />
        <source>No card could be read from this picture. Scan the card again or type its number.</source>
        <translation>이 사진에서 카드를 읽지 못했습니다. 카드를 다시 스캔하거나 카드 번호를 입력하세요.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/sale_screen.py" line="305" />
        <source>Card number</source>
        <translation>카드 번호</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/sale_screen.py" line="305" />
        <source>Type the 12 digits printed under the QR code.</source>
        <translation>QR 코드 아래에 있는 숫자 12자리를 입력하세요.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/sale_screen.py" line="326" />
        <source>Choose the items first.</source>
        <translation>상품을 먼저 고르세요.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/sale_screen.py" line="353" />
        <source>The receipt could not be saved: %1</source>
        <translation>영수증을 저장하지 못했습니다: %1</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/sale_screen.py" line="366" />
        <source>Paid. Sale %1.</source>
        <translation>결제되었습니다. 영수증 번호 %1.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/sale_screen.py" line="368" />
        <source>Change %1 won.</source>
        <translation>거스름돈 %1원.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/sale_screen.py" line="377" />
        <source>Change %1 won</source>
        <translation>거스름돈 %1원</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/sale_screen.py" line="397" />
        <source>There is no receipt to print again yet.</source>
        <translation>다시 출력할 영수증이 아직 없습니다.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/sale_screen.py" line="399" />
        <source>Printing the receipt again.</source>
        <translation>영수증을 다시 출력합니다.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/sale_screen.py" line="414" />
        <source>● Online · waiting to send: %1 · last sync %2</source>
        <translation>● 온라인 · 전송 대기 %1건 · 마지막 동기화 %2</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/sale_screen.py" line="417" />
        <source>● Offline: selling continues · waiting to send: %1 · last sync %2</source>
        <translation>● 오프라인: 판매는 계속됩니다 · 전송 대기 %1건 · 마지막 동기화 %2</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/sale_screen.py" line="424" />
        <source>Cashier: %1</source>
        <translation>계산원: %1</translation>
    </message>
</context>
<context>
    <name>SignInScreen</name>
    <message>
        <location filename="../../pos_app/ui/signin.py" line="21" />
        <source>ALL-LIVE Market till</source>
        <translation>올리브 마켓 계산대</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/signin.py" line="25" />
        <source>Choose your name, then enter your PIN.</source>
        <translation>이름을 고른 다음 PIN을 입력하세요.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/signin.py" line="75" />
        <source>Enter the PIN for %1.</source>
        <translation>%1님의 PIN을 입력하세요.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/signin.py" line="80" />
        <source>Choose your name first.</source>
        <translation>이름을 먼저 고르세요.</translation>
    </message>
</context>
</TS>