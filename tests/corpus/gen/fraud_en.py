"""English fraud and spam templates: premium-rate and prize spam (UK and
US shapes), phishing (bank, delivery, toll, tax, streaming), task, crypto,
romance, family-emergency, loan and job scams, from public consumer
warnings (regulators, police, telecom spam reports)."""

SMS = {}
DIALOGUES = {}

SMS["prize_lottery"] = [
    "URGENT! [Your mobile number|You] [has|have] been awarded [a {gbp} prize|{prize}] GUARANTEED. Call {prem} from land line. Claim code {ref}. Valid 12hrs only. {cost}",
    "[Congratulations|CONGRATS]! You've [won|been selected to receive] {prize}. To claim [call|txt CLAIM to] [{prem}|{short}] [now|today]. T&Cs apply. {cost}. [Txt STOP to opt out|STOP to end]",
    "[WINNER!!|Winner!] As a valued [network|{enbrand}] customer you have been selected to receive a {gbp} prize reward! To claim call {prem}. Claim code {ref}. Valid 12 hours only.",
    "[FREE entry|Free entry] into our [weekly|£250 weekly] [comp|competition] to win {prize}! Just text the word WIN to {short} now! {cost} [18+|T&C www.{ref}.com]",
    "You have [1|2] [new|unclaimed] [voicemail|prize|message]s. [Call|Please call] {prem} [to collect|now]. [Calls cost|]{cost}",
    "[PRIVATE!|Private!] Your {year} Account Statement for [{ukmob}|your number] shows {n3} un-redeemed [Bonus Points|points]. To claim call {prem}. Identifier Code: {n5}. Expires {endate}",
    "[Hey|Hi] [sexy|babe], I'm [bored|lonely] [tonight|in {encity}]. [Text|Txt] me back on {short} [to chat|for fun]! {cost} [18+ only|Stop? txt STOP]",
    "[Get|Want] the [latest|hottest] [ringtones|polyphonic tones|wallpapers]? [Text|Txt] TONE to {short} [for FREE|now]! {cost} [per tone|subscription]. [Txt STOP to unsub|]",
    "[Your|Ur] [weekly|] [horoscope|love match] is ready! [Reply|Txt] [YES|LOVE] to {short} to [find out|get it]. {cost}. [Helpline|Help] {prem}",
    "[Dear|] Customer, [you have been|you are] [chosen|selected] [as a winner|for a {usd} {enbrand} gift card]. [Claim|Click] [here|now]: {enlink} [before it expires|today only]",
    "[{enbrand}|Walmart|Costco] [survey|loyalty program]: [Congrats|You won]! [Complete|Take] a [short|2 min] survey to claim [your|a] {usd} reward: {enlink}",
    "[SIX|6] chances to win CASH! From 100 to 20,000 pounds txt> CSH11 and send to {short} Cost {cost} Tsandcs apply Reply HL 4 info",
    "[Camera|Holiday] - You are awarded {prize}! Call {prem} [now|from landline]. Delivery within 28 days. {cost}",
    "[This is the 2nd attempt|2nd attempt] to contact [you|u]! [U have won|You've won] {gbp}. [Call|Ring] {prem} [NOW|asap]. {cost}",
    "[Lottery|UK National Lottery|Powerball] [winner|notification]: [your|ur] [email|number] won {usdbig}. [To process|Send] [your|ur] [name, address and bank details|claim fee of {usd}] to [claims|agent] {enlink}",
    "[IMPORTANT|Important] - [you|your account] [has|have] [qualified|been selected] for [a {gbp} refund|free {prize}]. [Reply|Respond] [YES|Y] [to claim|now]. [STOP to opt out|Stop2end]",
]
SMS["phishing"] = [
    "{encourier}: Your [parcel|package] [could not be delivered|is on hold] [due to|because of] [an unpaid|a] [shipping|customs|redelivery] fee of {fee}. [Pay|Reschedule] [at|here:] {enlink}",
    "{ukbank}: [A new payee|A new device] was [added|set up] [to|on] your account {endate} at {entime}. If this was NOT you, [visit|verify at] {enlink} [immediately|now]",
    "[{ukbank}|{usbank}] [ALERT|Alert]: [Your card|Your account] has been [suspended|locked|restricted] due to [unusual activity|a security issue]. [Verify|Confirm] your identity: {enlink}",
    "HMRC: You are [eligible|due] [for|a] [tax refund|a refund] of {gbp}.[45|20|63]. [Claim|Submit] [here|your details] {enlink} [within 48 hours|before {endate}]",
    "[IRS|USPS|US Postal]: [Your|We have a] [tax refund|package] [is pending|could not be delivered]. [Confirm|Update] your [details|address]: {enlink}",
    "[E-ZPass|FasTrak|SunPass|TxTag|The Toll Roads]: [You have|We noticed] an unpaid toll [balance|charge] of {fee}. [To avoid|Avoid] a late fee of $[25|50].00, pay [now|today] at {enlink}",
    "[Netflix|Disney+|Spotify|Amazon Prime]: [Your|We couldn't process your] [payment|subscription] [failed|was declined]. [Update|Verify] your [billing|payment] details [to avoid suspension|] {enlink}",
    "[Apple|iCloud|Microsoft]: Your [Apple ID|account] [has been|was] [locked|used to sign in on a new device] [for security reasons|in {encity}]. [Unlock|Review] at {enlink}",
    "[GOV.UK|DVLA]: [Your vehicle tax|Your licence] [payment failed|is due]. [Pay|Update] [now|your details] to avoid a £[80|1000] fine: {enlink}",
    "[NHS|NHS Covid]: You have been in close contact with someone [who tested positive|with the new variant]. Order [a test|your kit] at {enlink}",
    "[PayPal|Amazon]: [Your account has been limited|Your order #{n5} for {usd} was placed]. If [not you|you didn't authorise this], [cancel|secure your account] [at|here] {enlink}",
    "[Evri|Royal Mail|DPD]: We missed you [today|on {day}]. [Your|The] parcel will be returned to sender [unless you|if you don't] [arrange|book] redelivery {enlink}",
    "[Your|The] [energy|council tax|utility] [rebate|discount] of {gbp} is ready. [Apply|Claim] [before|by] {endate}: {enlink}",
    "[{usbank}|{ukbank}]: Did you [attempt|make] a purchase of {usd} at [{enbrand}|WALMART|BEST BUY]? Reply YES or NO. [If NO, call|To dispute call] {usphone}",
    "[Coinbase|Binance|MetaMask]: [Unusual|Unauthorized] [withdrawal|login] [request|attempt] detected. [If this wasn't you|To cancel], [verify your wallet|secure your account] at {enlink}",
]
SMS["impersonate_acquaintance"] = [
    "Hi [Mum|Mom|Dad], [this is my new number|I've got a new number], [my phone broke|I dropped my phone in the toilet]. Can you [text|WhatsApp] me [here|on this number]? x",
    "[Hey Mum|Mum], [it's me|it's {en_first}], [new phone|lost my phone]. I need to [pay a bill|pay rent] [today|urgently] but my [banking app|card] [is locked|isn't working], can you [send|transfer] {gbp} [for me|] and I'll pay you back [tomorrow|Friday]?",
    "[Grandma|Grandpa], [it's me|please don't tell Mum], I'm in [trouble|jail] in {encity} [after an accident|], I need {usd} for bail. [My lawyer|Officer {en_last}] will [call you|explain]. Please [buy gift cards|send it now]",
    "[Hi|Hello], [it's|this is] {en_first} from [work|the office]. Are you [free|available]? I need you to [get|buy] [some|{n1}] [Apple|Google Play|Amazon] gift cards for a client [today|asap], I'll reimburse you",
]
SMS["rebate_task"] = [
    "[Hi|Hello], I'm {en_first} from [a recruitment agency|{enbrand} HR]. [Part-time|Remote] [job|work]: [rate products|like videos|optimize apps] [online|from home], earn {usd}-{usd2}/day. [Interested|Reply Y]? WhatsApp {usphone}",
    "[Hello|Hi], [we|our company] [need|are hiring] [people|staff] to [boost|review] [hotel|app|product] ratings. [Paid|Earn] [daily|per task], [no experience|flexible hours]. [Contact|Telegram] {tg}",
    "[Your|The] [task account|work account] has a [negative|] balance of {usd}. [Recharge|Top up] [in|with] {crypto} to [complete|unlock] the [remaining|last {n1}] tasks and withdraw your [commission|earnings]",
    "[Hi|Hello]! [Your|Ur] [resume|CV] [was recommended|matched] [to us|our job]: [online|remote] [assistant|data optimizer], [30-60|60-90] min/day, {usd}/[day|week]. [Add|Message] [me|our HR] on [WhatsApp|Telegram] {tg}",
]
SMS["fake_investment"] = [
    "[Join|Welcome to] our [VIP|private] [crypto|stock] [signal group|club]. [Our|My] [mentor|analyst] [guarantees|delivers] {n2}% [daily|weekly] returns. [Start|Invest] with {usd}: {enlink}",
    "[Double|Triple] your {crypto} in [24 hours|7 days]! [Guaranteed|Risk-free] [profit|returns] with our [AI trading bot|platform]. [Sign up|Register] {enlink}",
    "[Hi|Hello], [I'm|this is] {en_first}, an [investment|wealth] [advisor|manager]. [We have|Got] an [exclusive|insider] [opportunity|IPO allocation] [with|giving] {n2}% [monthly|weekly] returns. [Reply|Text] YES [to learn more|for details]",
    "[Your|The] [withdrawal|payout] of {usdbig} [is ready|has been approved]. [Pay|Deposit] the [tax|verification fee|{n1}% release fee] of {usd} in {crypto} to [receive|release] it",
]
SMS["romance_investment"] = [
    "[Hi|Hello] [is this|are you] {en_first}? [Sorry|Oh sorry], [wrong number|I think I have the wrong number]. [But|Anyway] [you seem nice|nice to meet you], I'm [a {rjob_en}|{en_first2}]",
    "[My love|Darling|Baby], [my uncle|my aunt] [works at|is an analyst at] [a crypto exchange|{enbrand} Capital] and [showed me|gave me] [a trading window|an arbitrage trick]. [Let's|We should] [invest together|build our future]. [Register here|Use this app] {enlink}",
    "[Honey|Sweetheart], I'm [stuck|held] at [customs|the airport] in [{encity}|Lagos|Istanbul]. I need {usd} to [pay the fee|release my package] [then|and] I can [fly to you|come home to you]. [Please|I love you]",
]
SMS["fake_loan"] = [
    "[Approved|Pre-approved]! [Get|Borrow] [up to|] {usdbig} [today|in minutes], [no credit check|bad credit OK]. [Pay|Send] [the|a] {usd} [insurance|processing] fee [via|in] [gift cards|Zelle] to [release funds|receive your loan]",
    "[You qualify|You're eligible] for a {gbpbig} [loan|debt relief], [regardless of|even with] [credit history|CCJs]. [Apply|Reply YES] [now|today]: {enlink} [STOP to end|]",
]
SMS["fake_job"] = [
    "[Hi|Hello], [your profile|we saw your CV] [matches|is a fit for] a [remote|home-based] [mystery shopper|package forwarding|payment processing] [role|position]. {usd}/week. [Receive|Reship] [parcels|payments] [from home|to your account]. [Reply|Text] {usphone}",
    "[Congrats|Hi], [you've been|you were] [selected|shortlisted] for [a|an] [{enbrand}|online] [data entry|assistant] [job|role]. [Buy|Pay for] your [starter kit|training] ({usd}) [first|upfront] and we'll [refund|reimburse] [you|it]",
]
SMS["verification_code"] = [
    "[Hi|Hey], [I|I've] [accidentally|mistakenly] [sent|used] [my|your] [code|number] [to you|for my account]. [Can you|Please] [send|forward] me the [6-digit|] code [you just got|that was sent]? [Thanks|Thx]",
    "[This is|From] [{ukbank}|{usbank}] [fraud team|security]: to [stop|cancel] [a payment|the transaction] we [sent|will send] a code. [Please|Reply with] [read it back|the code] [to verify|now]",
    "[Hey|Hi] it's {en_first}, [I'm|we're] [locked out|trying to log in] of [my|our] [WhatsApp|Instagram|Facebook]. [They|It] sent [a code|an sms] to you by mistake, [can you|pls] [send it|forward it] [over|back]?",
]
SMS["malware_app"] = [
    "[You have|You've received] a [voicemail|new photo|missed call]. [Listen|View] [here|now]: {enlink}/[v|app].apk",
    "[Your|The] [parcel|package] [is waiting|tracking]: [install|download] our [tracking|delivery] app [to reschedule|]: {enlink}.apk",
    "[Your|Ur] [bank|{ukbank}] [security update|app update] [is required|required]. [Install|Download] [the|our] [new|latest] [app|security app]: {enlink}.apk",
    "[Flash|Adobe|Android] [Player|System] [update|update required] [to view|to open] [the|your] [video|file]: {enlink}/update.apk",
]
SMS["impersonate_customer_service"] = [
    "[Amazon|{enbrand}]: [Your|An] order [of|for] [an|a] [iPhone 15|MacBook|{usd} gift card] [was placed|is being shipped]. If [not you|you did not], call [our support|customer service] [at|on] {usphone}",
    "[Microsoft|Apple|Norton|McAfee] [Support|Billing]: [Your|A] [subscription|renewal] of {usd} [will be|has been] [charged|renewed] [today|]. [To cancel|For a refund], call {usphone}",
    "[{enbrand}|Geek Squad] [Refund|Billing] [Dept|department]: we [overcharged|double charged] you {usd}. [Call|Contact] {usphone} [to get|for] your refund [today|]",
]
SMS["impersonate_authority"] = [
    "[This is|Attention], [the|] [Social Security Administration|SSA]: [your|ur] [SSN|social security number] [has been suspended|was used in {encity}] [for|due to] [suspicious activity|drug trafficking]. [Press 1|Call {usphone}] [immediately|now]",
    "[HMRC|IRS|CRA]: [A lawsuit|An arrest warrant] [has been filed|is issued] [against you|in your name] for [tax fraud|unpaid taxes]. [Call|Contact] [the officer|us] [on|at] {usphone} [to settle|or face arrest]",
    "[Police|Officer {en_last}, {encity} Police]: [your|a] [bank account|card] [is linked to|was used in] [money laundering|fraud]. [Move|Transfer] [your funds|the money] to a [safe|secure] account [we provide|today]. [Do not tell your bank|Keep this confidential]",
]
SMS["fake_shopping"] = [
    "[{enbrand}|Nike|Ray-Ban|Pandora] [CLEARANCE|Closing down sale]: [everything|all items] [80%|90%] off [today only|this week]! [Shop|Order] [now|here] {enlink}",
    "[Selling|Got] [2|4] [Taylor Swift|Coldplay|football] tickets [for|at] face value, [{encity}|this Saturday]. [Pay|Transfer] [by bank transfer|via friends and family] [and I'll send|then I send] [the e-tickets|them]. [Text|DM] {ukmob}",
    "[Puppy|Kitten] [for sale|needs a home], [vaccinated|KC registered], {gbp}. [Pay|Send] [the deposit|shipping fee] [first|today] and [we deliver|courier brings her]. [Text|WhatsApp] {ukmob}",
]
SMS["game_trading"] = [
    "[Free|FREE] [V-Bucks|Robux|skins]! [Login|Sign in] with your [Epic|Roblox|Steam] account [to claim|at] {enlink} [limited time|today only]",
    "[Selling|Trade] [rare|OG] [Fortnite|Roblox|CS2|Valorant] [account|skins] [cheap|{usd}]. [Pay|Send] [via|by] [PayPal F&F|gift card] [first|] [then I|and I'll] [send|give] [login|the account]. {tg}",
]
SMS["fake_credit_repair"] = [
    "[Fix|Repair] your credit [score|report] [in 30 days|fast]! [Remove|Delete] [late payments|collections|CCJs] [guaranteed|100%]. [Pay|Only] {usd} [upfront|to start]. [Call|Text] {usphone}",
]
SMS["other"] = [
    "[I|We] [hacked|have access to] your [device|webcam] and [recorded|have] [a video|videos] of you. [Send|Pay] {usd} in {crypto} [within 48 hours|now] or [I send it|it goes] to [all your contacts|your family]",
    "[Hey|Hi] [sexy|handsome], [check out|see] my [private|hot] [photos|profile] [here|at] {enlink} [;)|xx]",
]

DIALOGUES["impersonate_customer_service"] = [
    [("S", "[hello|hi] this is [{enbrand}|Amazon|your bank] [customer support|fraud department] [am I speaking with|is this] {en_first}")],
    [("V", "[yes|yeah] [speaking|that's me] [what's this about|what happened]")],
    [("S", "[we detected|there's] [an order|a charge] of {usd} [on your account|for an iPhone] [did you authorize|did you make] [this|that]"), ("S", "[your account|your card] [has been|was] [compromised|hacked] and [we need|I need] to [secure it|move your money]")],
    [("V", "[no|no I didn't] [that wasn't me|I never ordered that]")],
    [("S", "[ok|alright] [don't worry|no problem] [I'll|we'll] [help you|reverse it] [please|just] [download|install] [AnyDesk|TeamViewer|a support app] [so I can|and I'll] [guide you|see your screen]"), ("S", "[to cancel|to stop] it [you'll|you will] receive a code [please|just] read it [back|to me]")],
    (0.8, [("V", "[ok|alright] [it's|the code is] {n5}"), ("V", "[is this safe|are you really from {enbrand}]")]),
    (0.8, [("S", "[yes|of course] [it's|this is] [standard|our security] procedure [now|please] [buy|get] [gift cards|Google Play cards] to [verify|refund] [and|then] [read me the numbers|send photos]"), ("S", "[and|please] [don't|do not] [tell|talk to] [the bank|anyone] [or|because] [the refund|it] will [fail|be cancelled]")]),
]
DIALOGUES["impersonate_authority"] = [
    [("S", "[this is|hello this is] [officer|agent] {en_last} [from|with] the [{encity} police|IRS|HMRC|Social Security Administration] [your|] [badge number|reference] {n5}")],
    [("V", "[oh|um] [ok|yes] [what's wrong|is something wrong]")],
    [("S", "[your|a] [social security number|national insurance number|identity] [was used|has been used] [to open|in] [bank accounts|a crime] [linked to|involving] [drug trafficking|money laundering] [in|near] [Texas|{encity}]")],
    [("V", "[what|that's impossible] [I didn't|I never] [do anything|did that]")],
    [("S", "[to protect|to clear] [your name|your assets] [you need to|you must] [move|transfer] [your savings|your money] [to|into] a [secure|government] [account|wallet] [today|right now]"), ("S", "[there is|we have] a [warrant|case] [against you|in your name] [but|and] [you can|we can] [settle|resolve] it [by paying|with] {usd} [in|with] [gift cards|bitcoin]")],
    (0.9, [("S", "[this is|the case is] confidential [do not|don't] [tell|discuss it with] [anyone|your family|the bank] [stay on the line|don't hang up]")]),
    (0.7, [("V", "[ok|alright] [how much|where do I send it]"), ("V", "[can I|I want to] [call you back|speak to my son first]")]),
]
DIALOGUES["impersonate_acquaintance"] = [
    [("S", "[Hi Mum|Hey Mum|Hi Dad|Mum] [it's me|it's {en_first}] [this is my new number|new phone]")],
    [("V", "[oh hi|hello love] [what happened to your old one|are you ok]")],
    [("S", "[dropped it|broke it] [lol|sorry] [can you|could you] [do me a favour|help me]? [I need|need] to pay [a bill|my rent|for my new phone] [today|before 5] but [my app|my banking] [is locked|won't work] [for 24h|till tomorrow]")],
    [("V", "[how much|what's the amount]?"), ("V", "[why don't you|can't you] [call me|ring me]?")],
    [("S", "{gbp} [I'll pay you back|will pay u back] [tomorrow|on Friday] [promise|xx]. [Here's|Details:] [sort code|acct] {n2}-{n2}-{n2} {n5}"), ("S", "[mic isn't working|can't talk] [on this phone|right now] [just text|I'll explain later] [it's urgent|pls]")],
]
DIALOGUES["romance_investment"] = [
    [("S", "[good morning|morning] [beautiful|handsome|dear] [did you sleep well|how was your night]")],
    [("V", "[morning|hi] [yes thanks|not bad] [you?|how about you]")],
    [("S", "[busy|good] [with|on] [the|my] [oil rig|project|trading] [today|] [I made|we made] {usdbig} [profit|] [on|with] [my uncle's|the] [platform|app]")],
    [("V", "[wow|really] [that's a lot|how does that work]")],
    [("S", "[I can|let me] [teach you|show you] [start with|just try] {usd} [on|at] {enlink} [we can|for] [build our future|our future together]")],
    (0.8, [("V", "[I put in|I invested] {usd} [but|and now] [it says|they say] [I need to pay|pay] [a tax|a fee] [to withdraw|before withdrawal]")]),
    (0.8, [("S", "[that's normal|it's normal] [just|darling] [pay it|pay the fee] [and|then] [you get|you'll get] [everything|all] back [trust me|I love you]")]),
]

SMS["prize_lottery"] += [
    "FreeMsg: [Hey there|Hi] [darling|luv] it's been [3 week's|a while] now and no word back! I'd like [some fun|to chat] [you up for it|still]? Tb ok! XxX std chgs to send, {cost} to rcv",
    "[Had your|Your] mobile [11 months|11mths] or more? U R entitled to [Update|upgrade] to the latest colour [mobiles|camera phone] [with camera|] for FREE! Call The Mobile Update Co FREE on 0800{n5}{n1}",
    "[SMS|Txt] [SERVICES|service]. [for|For] your inclusive text credits, pls goto www.{ref}.com/{n3} [unsubscribe|stop] with STOP, no extra charge. help {prem} {cost}",
    "[You|U] [are|r] [a|the] [winner|WINNER] [U|you] have been [specially|] selected [2|to] receive {gbp} [cash|or a {n1} holiday] [flights inc|]. speak to a live operator [2|to] claim [0871|0906]{n5}{n3}. {cost}",
    "[December|Xmas|Valentines] [only|special]! Had your mobile {n2}mths+? You are entitled to update to the latest colour camera mobile for Free! Call The Mobile Update Co FREE on 0800{n5}{n1}",
    "[Thanks for your|Your] [subscription|ringtone order] [to|from] [Ringtone UK|the tone club] [your|ur] mobile will be charged {cost}. [Please confirm by replying YES or NO|Txt STOP to end]",
    "[Want|Fancy] a [date|chat]? [Local|Hot] [singles|girls] [in your area|near {encity}] [want|r waiting] to [meet|chat]. [Txt|Text] DATE to {short} [now|2 join]. {cost}. 18+",
    "[Your|Ur] [unique|free] [user ID|entry] is {n5}. [For|To] [removal|claim] [send|txt] STOP to {short}. [Customer care|help] {prem}",
    "[Congratulations ur|URGENT ur|Ur] [awarded|entitled] either {gbp} [of CD gift vouchers|cash] & free entry [2|to] our £100 weekly draw txt MUSIC to {short} TnCs www.{ref}.com {cost}",
    "[As a valued|Dear valued] [customer|member], [I am pleased to advise you that|we're pleased to tell you] following recent review of your Mob No. you are awarded with a {gbp} Bonus Prize, call {prem}",
    "[Last|Final] [Chance|chance]! Claim ur {gbp} worth of discount vouchers today! Text SHOP to {short} now! [SAVAMOB|Savamob], member offers mobile! T Cs {cost}",
    "[Guess what|GUESS WHAT]! [Somebody|Someone] [you know|u know] [secretly|] [fancies|likes] you! Wanna find out who it is? [Give us a call|Call] on {prem} [landline|] {cost}",
    "[You've|You have] won [a|our] [guaranteed|GUARANTEED] {gbp} [cash or|] {prize}! [To claim|Claim] call {prem} [now|b4 {endate}]. [From landline|] PO BOX {n3}, {pcode}. {cost}",
    "[IMPORTANT MESSAGE|Important message]. This is a final contact attempt. [You have|U have] important messages waiting [out|] [our|at our] customer claims dept. Expires {endate}. Call {prem}",
]
SMS["phishing"] += [
    "[Your|Ur] [{enbrand}|Amazon|Apple] [account|ID] [will be|has been] [suspended|closed] [today|in 24h]. [Confirm|Verify] [your information|payment] [here|now]: {enlink}",
    "[USPS|UPS|FedEx]: [The|Your] [shipment|package] [{enorder}|] [is|was] [undeliverable|on hold] [due to|because of] [incorrect address|missing street number]. [Please update|Update] [within 12 hours|today]: {enlink}",
    "[Chase|Wells Fargo|BofA]: [We|We've] [temporarily locked|restricted] your [card|debit card] [ending {tail}|] [due to|after] [suspicious|unusual] [activity|charges]. [Restore|Unlock] access at {enlink}",
    "[DMV|State DMV]: [Your|The] [driver's license|registration] [will be suspended|is flagged] [unless|if you do not] [you pay|settle] [outstanding|unpaid] [fines|tickets] [of {fee}|] [by {endate}|today]: {enlink}",
    "[Royal Mail|Evri]: [Your|A] [package|parcel] [has a|needs a] [{fee} shipping fee|customs fee] [to pay|outstanding]. [Pay now|Pay here] [or it will be returned|to receive it]: {enlink}",
    "[Your|Ur] [Microsoft 365|Outlook|Office] [password|mailbox] [expires|is full] [today|in 24 hours]. [Keep|Retain] [the same password|your emails]: {enlink}",
]
SMS["rebate_task"] += [
    "[Hi|Hello], [I'm|this is] {en_first} [from|with] [{enbrand}|TikTok|YouTube] [marketing|promotion]. [Like|Subscribe to] [videos|channels] [and get|for] ${n1} [each|per like]. [Earn|Make] {usd} [a day|daily]. [Interested|Interested?] [Reply|Text] [YES|1]",
    "[Congratulations|Hi], [you|your number] [have been|was] [selected|chosen] [for|by] [our|a] [remote|part-time] [job|position]: [{n2}|{n1}0] [mins|minutes] a day, [earn|get paid] {usd}-{usd2}. [WhatsApp|Contact] {usphone}",
    "[Your|The] [commission|earnings] [of|are] {usd} [is|are] [frozen|pending] [because|as] [you got|there is] a [combo|lucky|premium] order. [Deposit|Top up] {usd2} [in {crypto}|] [to|and] [complete it|unlock your earnings]",
]
SMS["fake_investment"] += [
    "[Hi|Hello] {en_first}, [I|we] [run|manage] a [forex|gold|crypto] [trading|mining] [pool|group] [with|paying] {n2}% [weekly|monthly]. [Minimum|Start with] {usd}. [Want in|Interested]? {tg}",
    "[Elon|Celebrity] [giveaway|event]: [send|deposit] {n1} {crypto} [and|to] [receive|get] [double|2x] [back|instantly]! [Limited time|Only today]: {enlink}",
]
SMS["impersonate_acquaintance"] += [
    "[Hey|Hi] [it's|its] {en_first}, [I'm|I am] [stuck|stranded] [abroad|in {encity}] [lost my wallet|got robbed]. [Can you|Could u] [send|wire] {usd} [via|through] [Western Union|Zelle|PayPal] [asap|today]? [Will pay back|I'll explain later]",
    "[Hello|Hi] [Dad|Mum], [my phone|phone] [is broken|smashed], [using|this is] [a friend's|my new] [phone|number]. [Please|Pls] [message|text] me on WhatsApp [here|on this number] [I need help|it's urgent]",
]
DIALOGUES["prize_lottery"] = [
    [("S", "[hello|hi] [congratulations|great news] [you've been|you were] [selected|chosen] [as|for] [our|the] [{enbrand}|national] [prize draw|sweepstakes] [winner|grand prize]")],
    [("V", "[really|what] [I|I don't remember] [entered|entering] [anything|that]")],
    [("S", "[yes|yeah] [you won|you've won] {usdbig} [and|plus] [a|a new] [car|holiday] [to release|before we release] [it|the prize] [you just|you need to] [pay|cover] [the|a] [tax|processing fee] of {usd}")],
    [("V", "[how do I|how can I] pay [that|it]")],
    [("S", "[you can|just] [buy|get] [gift cards|iTunes cards|a money order] [and|then] [read me|send me] the [numbers|codes] [today|right now] [or|otherwise] [the prize|it] [goes to|will go to] [the next winner|someone else]")],
]
SMS["prize_lottery"] += [
    "Dear Voucher Holder, [to claim|claim] [this weeks|your] offer, [at|on] your PC [go|please go] to http://www.{ref}.com/ts&cs [apply|]. [Or call|] {prem}",
    "[FREE|Free] for 1st week! No1 [Nokia|polyphonic] tone 4 ur mob every week just txt [NOKIA|TONE] to {short} Get txting and tell ur mates. [www.{ref}.com|] {cost}",
    "[Please|Pls] call our customer service representative on 0800{n5}{n1} between 10am-9pm as you have WON a guaranteed {gbp} cash or {gbpbig} prize!",
    "[SMS AUCTION|Auction] - A [brand new|] {prize} [is up|up] for auction today! Auction starts at £1! To bid txt BID to {short}. {cost}",
    "IMPORTANT INFORMATION 4 [ORANGE|O2|VODA] USER {n5}. TODAY IS UR LUCKY DAY!2 FIND OUT WHY LOG ONTO http://www.{ref}.com THERE'S A FANTASTIC SURPRISE AWAITING U",
    "[Sunshine|Monthly] Quiz! Win a [super Sony DVD recorder|top Sony camera] if you [canname|can name] the capital of Australia? Text MQUIZ to {short}. {cost}",
    "[Ur|Your] [chance|entry] to be on a reality [fantasy|TV] show [call|now]. Call now = {prem} Just {cost} [per min|], NtT PO Box {n3} {pcode} 18+",
    "[You|U] [are|r] [being|been] [contacted|chosen] by our dating service by someone you know! To find out who it is, call from a land line {prem}. PoBox{n3} {cost}",
    "[Hi|Hey] [this is|its] [Amy|Lucy|Jess], [you|u] [sent|txtd] me a [text|msg] [the other night|yesterday]? [Call|Ring] me [back|bk] on {prem}. xxx {cost}",
    "[Filthy|Naughty] [stories|chat] [and|&] [girls|babes] waiting for you! [Text|Txt] [SEXY|HOT] to {short}. {cost}. 18+ [unsub|STOP] STOP",
    "[Bloomberg|Win] -Message center +44{n5}{n5} [Why|Wait] [wait|no more]? Apply for your future [http://careers.{ref}.com|today]",
    "[YOU'RE|YOU ARE] A [WINNER|BONUS WINNER]! [Claim|To claim] [your|ur] {gbp} [bonus|cash] [text|txt] CLAIM to {short} [or call|] {prem}. [18+ T&C|TsCs apply]",
]
SMS["phishing"] += [
    "[Your|A] [{enbrand}|Apple|PayPal] [payment|purchase] of {usd}.[99|49] [was|has been] [made|authorised]. [Not you?|If you didn't] [Call|call] {usphone} [to cancel|immediately]",
    "[NatWest|Lloyds|Halifax]: [We've|We have] [noticed|spotted] [a login|a payment] [from|to] a new device. If this [wasn't|was not] you, [call us|please call] on {ukmob}",
]
SMS["phishing"] += [
    "[{usbank}|Chase]: Your debit card has been suspended. Please log in to {enlink} to reactivate.",
    "[Apple|iCloud]: Your [iCloud storage payment|storage plan] failed and your photos will be deleted. Update your payment method here: {enlink}",
]
SMS["verification_code"] += [
    "This is [WhatsApp|Instagram|Facebook] support. To verify your account, please reply with the code we just sent you.",
]
SMS["fake_investment"] += [
    "Hey there! I'm {en_first}. I made {usdbig} last month trading {crypto} with a mentor's signals. Guaranteed profit every day, want [in|me to show you]?",
]
SMS["prize_lottery"] += [
    "Congratulations, you've won [an iPhone 15|a {enbrand} gift card] in our customer survey! Collect your prize, small handling fee applies: {enlink}",
]
SMS["prize_lottery"] += [
    "[Get|Want] a FREE [camera|video|colour] phone with line rental from [£12.50|£15]/month, [750|600|1000] anytime [any network|] mins [and|&] [unlimited|150] texts! Call {prem} or reply [CALL|NOW] {cost}",
    "Todays [Voda|O2|Orange] numbers ending {n3}{n1} are selected to receive a {gbp} reward. If you have a match please call {prem} quoting claim code {ref}. Standard rates app",
    "Ur chance to win [a {gbp} cash|{gbp} cash] every [wk|week] TXT: [ACTION|WIN|PLAY] to {short}. [T's&C's|T&C] www.{ref}.com {cost} [16+|18+]",
    "[XMAS|Xmas|Easter] Prize [draws|draw]! We are trying to contact U. Todays draw shows that you have won a {gbp} prize GUARANTEED. Call {prem} from land line. Valid 12hrs only",
    "Do you want a new [Video|camera] phone? [600|750] anytime any network mins [400|300] Inclusive Video calls AND downloads [5|10] per week Free [del|delivery] TOMORROW call 0800{n5}{n1} or reply NOW",
    "[Santa|Father Xmas] [Calling|is calling]! Would your little ones like a call from Santa Xmas eve? Call {prem} to book your time. {cost}",
    "[Join|Welcome to] the [mobile|UK's] [club|chat club]! [Meet|Chat to] [singles|new people] [near you|in your area]. Txt [CHAT|JOIN] to {short}. {cost} [Unsub|Stop] txt STOP",
    "[Our|The] records indicate [u|you] [may be|are] entitled to {gbp} [in compensation|for the accident] you had. To claim [4 free|for free] reply with CLAIM to this message. [To opt out|Stop] text STOP",
    "[You|U] have [won|been selected for] a [guaranteed|free] {gbp} [cash|Argos voucher] [or|and] a [chance to win|shot at] {gbpbig}! [To claim|Claim] [txt|text] [CASH|YES] to {short}. {cost}",
    "[Hot|Live] [poly|mono|MP3] [tones|ringtones] [4|for] [ur|your] [mob|mobile]! [Reply|Txt] [POLY|TONES] [2|to] {short} [now|4 ur FREE 1st tone]. {cost}. [Help|HELP] {prem}",
]
SMS["fake_credit_repair"] += [
    "[Bad credit?|Denied a loan?] We can [remove|erase] [negative items|defaults|bankruptcies] from your [credit file|report] [legally|in 30 days]. [Upfront fee|Starter fee] {usd}. [Reply YES|Call {usphone}]",
    "[Your|Ur] credit score [dropped|is low]? [Get|Boost it] [+100 points|to 750+] [fast|guaranteed] with our [tradeline|credit builder] [service|program]. [Pay|Only] {usd} [today|to start]: {enlink}",
    "[Student loan|Debt] [forgiveness|relief] [approved|pending]: [your|ur] [balance|debt] [can be|will be] [wiped|reduced by 90%]. [Pay|A] {usd} [processing|enrollment] fee [to finalize|today]. {usphone}",
    "[IVA|Debt write-off]: [the government|new rules] [can|could] write off up to 85% of [your|ur] debts. [Check if you qualify|Apply now] {enlink}. [STOP to opt out|Reply STOP]",
]
SMS["other"] += [
    "[Your|Ur] [computer|PC|phone] [is infected|has been hacked] [with|by] [a virus|spyware]. [Call|Contact] [Microsoft|Windows] [support|technicians] [immediately|now] [at|on] {usphone}",
    "[Fake|Cheap] [diplomas|driving licences|IDs] [for sale|available], [fast delivery|any country]. [WhatsApp|Contact] {usphone}",
    "[I am|This is] [a hitman|from the cartel]. [Someone|A client] paid me to [harm|kill] you. [Pay|Send] {usd} in {crypto} [and|then] [I will cancel|the job is off]. [Don't|Do not] [call the police|tell anyone]",
    "[Sports|Football] betting [tips|fixed matches] [100%|guaranteed] [win|wins], [pay|join] [{usd}|VIP] [for|to get] [today's|the] [picks|odds]. {tg}",
]
SMS["game_trading"] += [
    "[Steam|Discord]: [a friend|someone] [sent|gifted] [you|u] [Nitro|a game] [for free|]! [Claim|Accept] [it|here] [before it expires|]: {enlink}",
    "[Hey|Yo], [I|i] [accidentally|mistakenly] reported your [Steam|Epic] account. [Contact|Message] [the|a] [support|admin] {tg} [to fix it|before it gets banned]",
    "[Selling|Got] [a|an] [maxed|rare] [Genshin|Valorant|Clash] account, {usd}. [Middleman|Trade] [via|through] [this site|my friend] {enlink} [only|]",
]
SMS["fake_shopping"] += [
    "[Designer|Branded] [handbags|trainers|perfume] [at|for] [80%|90%] off! [Genuine|Authentic] [stock|items] [from|direct from] [the factory|a liquidation]. [Order|Shop] {enlink}",
    "[Hi|Hello], [I'm|im] [selling|letting go of] [my|a] [PS5|iPhone|bike|camera] [cheap|for {usd}], [moving abroad|need cash quick]. [Bank transfer only|No PayPal], [I'll|will] [post it|ship] [today|tomorrow]",
]
SMS["fake_job"] += [
    "[Hi|Hello] {en_first}, [we|I] [found|saw] your [resume|profile] [on Indeed|on LinkedIn]. [Remote|Work from home] [admin|assistant] [role|job], {usd}/hr. [Interview|Chat] [via|on] [Telegram|Signal] {tg}",
    "[Job offer|Hiring]: [reshipping|package inspector] [from home|at home], {usd}/[week|month]. [We|You] [send|receive] [parcels|packages] [and|then] [forward|reship] them. [Reply YES|Text {usphone}]",
]
SMS["verification_code"] += [
    "[Your|Ur] [Facebook|Instagram] [friend|contact] {en_first}: [hey|hi] [can|could] [u|you] [help|do me a favour]? [I'm|im] [getting|trying to get] a [code|verification code] [sent|texted] [to|on] [your|ur] number, [just|pls] [send|forward] it [back|to me]",
    "[Bank|{ukbank}] [here|security]: [to|we need to] [verify|confirm] [your|ur] [identity|account], [please|pls] [reply with|text back] the [passcode|code] [you|u] [just|] [received|got]",
]
SMS["malware_app"] += [
    "[Your|Ur] [package|order] [has|is on] [a|an] [customs hold|issue]. [Download|Install] [the|our] [{encourier}|tracking] app [to release|to resolve] it: {enlink}/track.apk",
    "[FluBot|New voicemail]: [you have|u have] [1|2] [new|unheard] [voicemail|message]s. [Listen|Play] [here|now]: {enlink}",
]
SMS["romance_investment"] += [
    "[Good evening|Hi dear], [I'm|this is] {en_first}, [we|] [matched|met] on [Tinder|Hinge|Facebook Dating]. [My|My uncle's] [trading|crypto] [app|platform] [made|earned] me {usdbig} [this year|last month]. [Want|Would you like] [me to|] [show you|teach you]?",
]
SMS["fake_loan"] += [
    "[Congratulations|Good news], [your|ur] [grant|government grant] of {usdbig} [was approved|is ready]. [Pay|Send] [the|a] {usd} [release|processing] fee [via|in] [gift cards|Zelle] [to receive it|to get your grant]",
    "[Payday|Cash] loan: {usd} [in|within] [1 hour|minutes], [no|zero] credit [checks|check]. [Text|Reply] LOAN [to|] {short}. [STOP to end|Msg&data rates apply]",
]
SMS["impersonate_customer_service"] += [
    "[{enbrand}|Amazon] [Prime|membership]: [your|ur] [membership|subscription] [will auto-renew|renewed] [at|for] {usd}.99 [today|tomorrow]. [To cancel|If you did not authorize], [press 1|call {usphone}]",
    "[Geek Squad|Best Buy] [Renewal|Invoice] #{n5}: {usd}.00 [will be|was] [deducted|charged] [today|]. [Questions|To dispute]? [Call|Contact] [us|billing] [at|on] {usphone}",
]
SMS["impersonate_authority"] += [
    "[Immigration|USCIS|Home Office]: [your|ur] [visa|status] [has|is] [a problem|flagged for deportation]. [Call|Contact] [officer|agent] {en_last} [at|on] {usphone} [immediately|within 24h] [to avoid|or face] [arrest|removal]",
    "[Jury duty|Court] notice: [you|u] [missed|failed to appear for] [jury duty|a court date]. [A warrant|A fine] [has been|will be] issued. [Pay|Settle] {usd} [now|today] [via|with] [gift cards|Zelle] [or call|at] {usphone}",
]
