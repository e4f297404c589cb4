"""English ordinary traffic: personal texts, appointment reminders, OTPs,
delivery notices, bank and carrier alerts, marketing with opt-out lines."""

STOP = ["Reply STOP to opt out", "Txt STOP to end", "STOP to unsubscribe", "Reply STOP to unsubscribe", "Msg&data rates may apply. Reply STOP to cancel, HELP for help", "Opt out: reply STOP", "To opt out text STOP to {short}", "Unsubscribe: {eolink}", ""]

MARKETING = [
    "{enbrand}: [This weekend only|Ends {day}]: [{n2}% off|up to {n2}% off] [everything|selected lines] [in store and online|online]. [Shop now|See more] {enbrandlink}/[offers|sale|deals|app|{n3}]. {stop}",
    "[{enbrand}|Tesco Clubcard|Boots Advantage]: [You've got|Your] [{gbp}|{n1}x points] [reward|vouchers] [waiting|to spend]. [Use them by|Expires] {endate}. {stop}",
    "[Hi {en_first}|Hey {en_first}], [it's your birthday month|happy birthday]! [Enjoy|Here's] a free [drink|dessert|delivery] [on us|at {enbrand}], [valid until|before] {endate}. {stop}",
    "[EE|O2|Vodafone|Three|Verizon|T-Mobile]: [Upgrade|Great news], you're eligible [for|to upgrade to] [a new phone|unlimited data] [from|for] £[18|25|30]/month. [See|Details at] {enbrandlink}/[upgrade|deals]. {stop}",
    "[{enbrand}|Domino's|Pizza Hut]: [2 for Tuesday|Buy one get one free] [is back|today]! [Use code|Code] [{ref}|TWOFOR] [online|in app]. {stop}",
    "[{enbrand} Rewards|Target Circle]: [You earned|Nice!] {usd} [in rewards|cashback] [on your last trip|this month]. [Redeem|Use it] [in app|at checkout]. {stop}",
    "[Last chance|Final call]: [our|the] [summer|Black Friday|January] sale [ends|finishes] [tonight|at midnight]. [Extra|Take an extra] [10|15|20]% off with [code|] {ref}. {stop}",
    "[{en_first}|Hi], [win|enter our prize draw for] [a year's free coffee|a £100 voucher] [when you|by] [leave|leaving] a review of your [recent|last] order. [T&Cs|Terms] {enbrandlink}/terms. {stop}",
    "[Your gym|{enbrand} Fitness]: [New|Extra] [classes|spin sessions] [added|available] [this week|on {day}]. [Book in app|Book now]. {stop}",
    "[{enbrand}|Sky|BT|Virgin Media]: [Your contract|Your deal] [ends|is ending] on {endate}. [Log in|Check] [to see|for] [your options|renewal offers] [in the app|at {enbrandlink}/renew]. {stop}",
]
NOTICES = [
    "[{ukbank}|{usbank}]: [Payment|Purchase] of {usd}.{n2} at [{enbrand}|{enbrand2}] [approved|on card ending {tail}]. [Not you? Call the number on the back of your card.|]",
    "[{ukbank}|{usbank}]: [Your|Ur] [salary|payment] of [{gbp}|{usd}].{n2} [has arrived|was received] [in your account|]. [Balance|Avail bal]: [{gbp}|{usd}].{n2}",
    "[{ukbank}|{usbank}]: [Your|The] [statement|bill] [is ready|of {usd}.{n2} is due {endate}]. [View in app|Log in to the app to view]. We'll never ask you to share a code.",
    "[EE|O2|Vodafone|Verizon|AT&T]: Your bill [for|of] {usd}.{n2} [is ready|will be taken on {endate}]. [View it in the app|See My account].",
    "[{enbrand}|Uber|Lyft]: [Your|Thanks for riding. Your] [ride|trip] [receipt|total]: {usd}.{n2}. [Rate your driver in the app|]",
    "[Your|Ur] [prescription|repeat prescription] is ready to collect from [{enbrand}|Boots|the pharmacy] [on {street}|]. [Opening hours|Open] [8am-6pm|till 7pm].",
]
CODES = [
    "[Your|Ur] [{enbrand}|WhatsApp|Google|Microsoft|Instagram] [verification|security|login] code is {code6}. [Don't share it with anyone|Do not share this code]. [It expires in 10 minutes|]",
    "{code6} is your [{enbrand}|Uber|Amazon] [code|OTP]. [Never share|Don't share] [this|it] [with anyone|]. [{enbrand} will never call to ask for it|]",
    "[{ukbank}|{usbank}]: [Your|The] [one-time passcode|OTP] [for|to approve] [a payment of {usd}.{n2} to {enbrand}|signing in] is {code6}. We will never ask for this code. [If you didn't request it, call us|]",
    "G-{code6} is your Google verification code.",
    "[Use|Enter] {code6} to [verify|confirm] your [phone number|account] [on|for] [{enbrand}|Signal|Telegram]. [Valid for 5 mins|]",
]
DELIVERY = [
    "{encourier}: [Your|Ur] [parcel|package] [from {enbrand}|] [will be delivered|is arriving] [today|on {day}] between {entime} and {entime2}. [Track|Manage] it: {encourierlink}",
    "{encourier}: [Your|The] [parcel|package] [was delivered|has been left] [to|in] [your safe place|the porch|a neighbour at {street}] at {entime}. [Photo in app|]",
    "[Your|Ur] [{enbrand}|Amazon] order {enorder} has [shipped|been dispatched]. [Track|Arriving] {day}. [Track at|Details:] [{enbrandlink}/orders|the app]",
    "[{enbrand}|Deliveroo|Just Eat|DoorDash|Uber Eats]: [Your|Ur] order is [on its way|being prepared]! [{en_first} will be with you|Arriving] [in {n2} mins|at {entime}].",
    "[Your|The] [Amazon|InPost|Evri] [locker|ParcelShop] [collection|pickup] code is {code6}. [Collect|Pick up] [by|before] {endate} [at|from] [{street}|the {enbrand} store].",
]
APPTS = [
    "[Reminder|Hi {en_first}]: [your|you have an] [appointment|dental check-up|GP appointment|haircut] [with|at] [Dr {en_last}|{en_first2}|{encity} Dental|the surgery] [on|] {day} [{endate}|] at {entime}. [Reply C to cancel|Call us to rearrange|Please arrive 10 mins early].",
    "[{encity} NHS Trust|The surgery]: [Your|Ur] [blood test|scan|vaccination] [is booked|is confirmed] for {endate} at {entime}. [To cancel|If you can't attend] [call|please call] [us|the number on your letter].",
    "[Hi|Hello] [{en_first}|], [your|ur] [car|MOT|service] [is due|booking] [on|is] {endate}. [Reply YES to confirm|Call {usphone} to book].",
    "[School|{encity} Primary]: [Reminder|Please note] [the|] [school trip|parents' evening|non-uniform day] is on {day}. [Consent forms|Payment of £{n1}] [due|via ParentPay] by {endate}.",
    "[Council|{encity} Council]: [Your|Ur] [bin|recycling] collection [will be|is moving to] {day} [this week|due to the bank holiday].",
]
PERSONAL = [
    "[Hey|Hi|Yo] [are you|r u] [still|] [coming|up for] [tonight|later|{day}]? [Pub|Dinner|Movie] at {entime}?",
    "[Running|Gonna be] [10|15|20] [mins|minutes] late, [traffic is awful|train delayed|sorry]!",
    "[Can you|Could you] [pick up|grab] [milk|bread|some eggs] on [your way|the way] home? [Thanks|Ta|x]",
    "[I've|I have] [sent|transferred] you [the|] {gbp} for [the tickets|dinner|rent|the holiday]. [Let me know|Lmk] [when it arrives|if it doesn't come through]",
    "[Thanks for|Cheers for] [lending|the] {gbp}, [I'll|will] [pay you back|transfer it back] [on payday|Friday]",
    "[Mum|Mom], [landed safely|home safe]! [Call you|Will ring you] [tomorrow|later] x",
    "[Happy birthday|Happy bday] [mate|{en_first}|babe]!! [Have a great day|Hope you have a good one] [xx|🎉|!!]",
    "[Did you|Have you] [see|seen] [the|my] [email|message] [about|re] [the meeting|Saturday|the booking]?",
    "[Got|Just got] [a weird|a scam] [text|call] [saying|pretending to be] [from|] [the bank|HMRC|Royal Mail] [lol|], [deleted it|ignored it]",
    "[Police|The police] [closed|have closed] {street} [because of|after] an accident, [take|go] [the other way|a different route]",
    "[Your|Ur] dad [says|wants to know] [are you|if you're] [coming for|free for] [Sunday lunch|dinner] [this week|{day}]",
    "[What time|When] [is|does] [the|your] [match|train|flight] [tomorrow|on {day}]?",
    "[Lol|Haha] [that's|thats] [hilarious|amazing]. [See you|See u] [tomorrow|later]",
    "[Just|I] [paid|sent] [my|the] [half of the|] [electric|gas|internet] bill, [you owe|your share is] {gbp}.{n2}",
    "[Don't forget|Remember] [the|your] [dentist|appointment|parents evening] [tomorrow|at {entime}]!",
    "[Can|Could] [I|we] [borrow|use] your [car|drill|ladder] [this weekend|on {day}]?",
    "[Meeting|Call] [moved to|rescheduled for] {entime}. [Zoom link|Link] [is|in] the [invite|calendar]",
    "[Could you|Pls] [send me|forward] the [report|slides|invoice] [before|by] [{entime}|end of day]? [Thanks|Cheers]",
    "[I'm|Im] [outside|here|downstairs], [white|blue|black] [Ford|Toyota|VW]",
    "[The|Our] [landlord|letting agent] [says|said] [the|our] [deposit|rent] [refund|increase] [is|will be] {gbp}",
    "[Won|We won] [the|our] [quiz|match|game] [tonight|last night]! [Drinks|Celebrating] at [the|{enbrand}] [pub|bar]",
    "[Sorry|Soz] [missed your call|couldn't answer], [in a meeting|driving]. [Call you back|Will call] [in 5|soon]",
]
DIALOGUES = [
    [[("S", "[hi|hello] [is that|is this] {en_first} [it's|this is] {en_first2} from [the dentist|{encity} Dental|the surgery]")], [("V", "[yes|yeah] [speaking|hi]")], [("S", "[just|I'm just] calling to [confirm|remind you of] your [appointment|check-up] [on|for] {day} at {entime}")], [("V", "[great|perfect] [thanks|I'll be there]"), ("V", "[can we|could I] [move it|reschedule] [to|for] [next week|{day2}]")]],
    [[("S", "[hi|hello] [it's|this is] [the|your] [courier|driver] [from|with] {encourier} [I'm|I am] [outside|at the door] [with|for] [a parcel|your parcel]")], [("V", "[oh|ok] [sorry|one sec] [I'm|I'll be] [down in a minute|right there]"), ("V", "[can you|could you] [leave it|put it] [with a neighbour|in the porch]")], [("S", "[no problem|sure] [I'll|will] [leave it|take a photo] [at|with] [number {n2}|the porch]")]],
    [[("S", "[hey|hi] [did you|have you] [get|got] [the|my] [money|transfer] [for|from] [the|last] [holiday|weekend]")], [("V", "[yeah|yes] [got it|it came through] [thanks|cheers]"), ("V", "[not yet|no] [let me|I'll] [check|look] [the app|my account]")], [("S", "[cool|great] [see you|talk] [{day}|later]")]],
]

# informal texting, as ordinary people write to each other
SLANG = [
    "[Ok|ok|K|k] [lor|la|lar]... [see u|c u] [later|ltr|there]",
    "[Wat|What] [r u|are u] [doing|up to] [now|tonight]?",
    "[I'm|Im|I am] [gonna|going to] be [home|back] [soon|in {n2} mins], [dont|don't] [wait up|eat without me]",
    "[Sorry|Sry], [I'll|Ill|I will] call [u|you] later [in meeting|at work|driving]",
    "[Gd|Good] [nite|night] [n sweet dreams|x|dear|:)]",
    "[Hey|Hi] [wot|what] time [u|you] [finish|finishing] [work|class] [2day|today]?",
    "[U|You] [dun|don't] [say|need] [so early|to come] [hor|lah]... [U|You] [c|see] [already|alr] then [say|tell me]",
    "[Ya|Yeah|Yup] [i|I] [m|am] [on the way|otw|reaching]. [Wait|W8] 4 me [at|outside] the [station|cinema|gate]",
    "[Haha|Lol|Hahaha] [ok|k] [then|den] [i|I] [go|will go] [first|1st] [liao|already]",
    "[Can|Cn] [u|you] [call|ring] me [back|bk] [when u free|wen u can]? [Nothing urgent|No rush]",
    "[Where r u|Where are you]? [Been waiting|Waiting] [ages|for 20 mins] [lol|:(]",
    "[Thx|Thanks|Ty] [4|for] [dinner|the lift|today], [had|it was] [fun|great] [x|xx|:)]",
    "[Miss u|Missing you] [already|so much] [babe|hun|xx]",
    "[Just|Jus] [woke up|got up|reached home]. [Wat|What] [abt|about] [u|you]?",
    "[Did|Did u|Have u] [eat|ate|had dinner] [yet|alr]?",
    "[R u|Are you] [free|around] [2moro|tomorrow|this wkend]? [Wanna|Want to] [catch up|grab lunch|go shopping]?",
    "[I|i] [no|dont|don't] [have|got] [money|cash] [now|la], [can|cn] [pay u|pay you back] [tmr|tomorrow]?",
    "[Mum|Mom] [says|said] [dinner's|dinner is] ready, [come home|come down] [now|soon]",
    "[Nope|No], [i|I] [havent|haven't] [seen|watched] it [yet|yet!]. [No spoilers|Dont tell me] [pls|plz]!",
    "[Aight|Alright|Okie], [see you|cya] [at|@] {entime} [then|den]",
    "[The|Ur] [pizza|food|package] [is here|came], [come|come n] [get it|eat]",
    "[Happy|Hppy] [new year|birthday|anniversary] [to u|2u] [n ur family|all]! [:)|xx|!!]",
    "[My|Ma] [phone|fone] [is|was] [dying|dead], [that's why|thats y] [i|I] [didnt|didn't] [reply|answer]",
    "[Pls|Please] [send|txt] me [the|ur] [address|number] [again|agn]",
    "[Going|Goin] [to|2] [the|da] [gym|shop] [now|nw], [need|want] [anything|smth]?",
]

# ordinary texts that use the words spam uses (call, free, win, text, claim, prize, cash, urgent)
SLANG += [
    "[Call|Ring] me when [u|you] [r|are] free [ok|k|pls]",
    "[Are|R] [u|you] free [tonight|later|tmr]? [Call|Text] me",
    "[I'm|Im] free [after|from] {entime}, [call|text] me [then|if u want]",
    "[Did|Did u] [win|won] [the|ur] [match|game|bet] [last night|yesterday]?",
    "[We|We've] won [the|a] [raffle|quiz] [at|in] [the pub|work]!! [Free|Free round of] drinks [lol|haha]",
    "[Text|Txt] me [when|once] [u|you] [get|reach] [home|there] [pls|x]",
    "[Urgent|URGENT] - [where|wheres] [the|my] [car keys|passport]?? [Call me|Ring me] [asap|now]",
    "[I|i] [claimed|put in a claim for] [the|my] [expenses|travel] [today|at work], [should|will] [get|be paid] [cash|it] back [friday|next week]",
    "[The|That] [prize|voucher] [I|i] [won|got] at [work|the raffle] [was|is] [a|for] [spa day|£50 at Boots] [lol|:)]",
    "[Can|Cn] [u|you] [send|txt] me [his|her|the] [number|address]? [Want to|Gonna] call [him|her|them]",
    "[Mobile|Phone] [is|was] [dead|off], [call|ring] [the|my] [landline|home phone] [if|when] [urgent|u need me]",
    "[Reply|Text back] [when|if] [you|u] [can|get this], [no rush|not urgent]",
    "[Got|I've got] [2|two] free tickets [for|to] [the match|the cinema] [on|this] {day}, [want|fancy] [one|coming]?",
    "[Dont|Don't] [forget|4get] [to|2] [enter|sign up for] [the|our] [office|school] [draw|sweepstake] [its|it's] £[2|5]",
    "[Customer service|The helpline] [said|says] [my|the] [refund|parcel] [will|should] [come|arrive] [in|within] [5|3] days",
    "[Just|I] [called|rang] [the|ur] [bank|doctor|garage], [they|they'll] [call back|ring you] [later|tomorrow]",
    "[Lol|Haha] [i|I] [got|received] [one of those|a] [scam|spam] texts [saying|about] [i|I] won [a|an] [iPhone|holiday]",
    "[Congrats|Congratulations] [on|for] [passing|the] [your|ur] [driving test|exams|promotion]!! [Drinks on me|So proud]",
    "[Week|Weekly] [shop|groceries] [done|sorted], [cost|was] £{n2}, [ur|your] [half|share] [is|=] £{n2}",
    "[Pls|Please] [call|ring] [mum|grandma|dad], [she's|he's] [been trying|trying] [to|2] [reach|get hold of] [u|you]",
]

DIALOGUES += [
    [[("S", "[hi|hello] [this is|it's] {en_first} [from|at] [{ukbank}|{usbank}] [fraud team|security] [we|I'm] [calling|just calling] [about|to check] a [payment|card payment] of {usd} [to|at] {enbrand}")], [("V", "[yes|yeah] that was me"), ("V", "[no|no that] wasn't me")], [("S", "[ok|great] [thanks|thank you] [for confirming|I'll mark it as genuine] [remember|and remember] we [will never|never] ask you to [move money|share a code|read out a passcode]"), ("S", "[ok|right] [I've|we've] [blocked|stopped] the card [a new one|your replacement] [will arrive|is on its way] in [3-5|a few] days [you don't need to do anything|no action needed]")]],
    [[("S", "[hey|hi] [it's|this is] {en_first} [from|at] [the office|work] [are you|r u] [coming|joining] [the|our] [meeting|call] at {entime}")], [("V", "[yes|yep] [running|I'm] [five|a few] [minutes|mins] late [sorry|start without me]")], [("S", "[no worries|ok] [see you|we'll wait] [soon|then]")]],
    [[("S", "[hello|hi] [this is|it's] [the|your] [landlord|letting agent] [the|a] [plumber|electrician] [is coming|will come] [on|this] {day} [morning|afternoon] [is that ok|will you be in]")], [("V", "[yes|yeah] [that's fine|I'll be in]"), ("V", "[can it be|could we do] {day2} [instead|]")], [("S", "[great|no problem] [I'll|will] [let him know|confirm with him]")]],
    [[("S", "[hi|hey] [mum|dad] [I've|I] [landed|arrived] [safely|ok] [the flight|it] was [fine|delayed a bit]")], [("V", "[oh good|lovely] [call us|ring me] [when you're settled|tomorrow]")], [("S", "[will do|ok] [love you|night] [x|]")]],
    [[("S", "[hi|hello] [is that|am I speaking to] {en_first} [I'm|this is] {en_first2} [from|at] [{enbrand}|the garage] [about|regarding] your [car|order|booking]")], [("V", "[yes|yeah] [hi|speaking]")], [("S", "[it's|your car is] [ready|ready to collect] [the|your] [bill|total] [is|comes to] {gbp} [you can|pay when you] [pick it up|collect] [any time|before 6]"), ("S", "[your|the] [order|sofa] [will be delivered|is arriving] [on|this] {day} [between|from] {entime} [and|to] {entime2}")]],
]

SHORT = [
    "HMRC: We have received your Self Assessment tax return. You do not need to do anything else.",
    "[Netflix|Spotify|Disney+]: Your [monthly|] payment was successful. [Enjoy watching!|Enjoy!|Thanks for being a member.]",
    "PayPal: You sent [£|$]{n2}.00 to {en_first} {en_last}.",
    "[Your|Ur] crypto deposit of 0.0{n1} [BTC|ETH] has been credited to your account.",
    "We detected a sign-in from [an unknown|a new] device. If this was you, you can ignore this message.",
    "[{ukbank}|{usbank}]: Your card ending {tail} [has been activated|was used for a contactless payment of {gbp}.{n2}|will expire soon, your new card is on its way].",
    "[{enbrand}|Tesco|Asda]: Your [refund|return] of {gbp}.{n2} has been [processed|issued] to your original payment method.",
    "[EE|O2|Vodafone]: You've used 80% of your data allowance. [Buy more in the app|It resets on {endate}].",
    "[Your|Ur] [{enbrand}|Deliveroo] [receipt|order total]: {gbp}.{n2}. Thanks!",
    "Council: Your [parking permit|garden waste subscription] has been renewed until {endate}.",
    "[Your|The] [passport|driving licence] application has been [received|approved]. [We'll post it within 10 days|Track at gov.uk].",
    "[DVLA|Your MOT]: Your vehicle tax has been set up. [Nothing else to do|Direct Debit starts {endate}].",
    "[Bitcoin|Gold] hit a new high today, wish I'd kept mine",
    "[Won|We won] the pub quiz! The prize was a £20 bar tab haha",
    "[Congrats|Well done], you've [earned|collected] {n3} [Nectar|Clubcard|Boots] points on this shop.",
    "[Apple|Google]: Your [subscription|storage plan] will renew on {endate}. [Manage in Settings|No action needed].",
]
