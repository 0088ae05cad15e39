import BetaltCore

extension Translations {
    /// The planner's reasons in Norwegian and Swedish, keyed by their English template (`ReasonText.template`).
    static let reasons: [String: [Language: String]] = [
        "until {1}: {2}": [.nb: "til {1}: {2}", .sv: "till {1}: {2}"],
        "letter": [.nb: "brev", .sv: "brev"],
        "email": [.nb: "e-post", .sv: "e-post"],
        "digitalMailbox": [.nb: "digital postkasse", .sv: "digital brevlåda"],
        "{1} H1": [.nb: "1. halvår {1}", .sv: "första halvåret {1}"],
        "{1} H2": [.nb: "2. halvår {1}", .sv: "andra halvåret {1}"],
        "no known {1} on {2}: the rulebook starts on {3}": [
            .nb: "ingen kjent verdi for {1} den {2}: regelboken begynner {3}",
            .sv: "inget känt värde för {1} den {2}: regelboken börjar {3}",
        ],
        "no known {1} on {2}: the last known period ended {3}; add the new value to the rulebook": [
            .nb: "ingen kjent verdi for {1} den {2}: siste kjente periode sluttet {3}; legg den nye verdien inn i regelboken",
            .sv: "inget känt värde för {1} den {2}: den senaste kända perioden slutade {3}; lägg in det nya värdet i regelboken",
        ],
        "no known {1} on {2}: known through {3} and again from {4}, not in between": [
            .nb: "ingen kjent verdi for {1} den {2}: kjent til og med {3} og igjen fra {4}, ikke imellom",
            .sv: "inget känt värde för {1} den {2}: känt till och med {3} och igen från {4}, inte däremellan",
        ],
        "{1} on {2}: {3} of {4} is not a whole number of minor units": [
            .nb: "{1} den {2}: {3} av {4} gir ikke et helt antall øre",
            .sv: "{1} den {2}: {3} av {4} ger inte ett helt antal öre",
        ],
        "changed while the run was at work: left for the next run": [
            .nb: "endret mens kjøringen pågikk: venter til neste kjøring",
            .sv: "ändrades medan körningen pågick: lämnas till nästa körning",
        ],
        "already booked: the same bank reference {1}, amount and date as payment {2}": [
            .nb: "allerede bokført: samme bankreferanse {1}, beløp og dato som innbetaling {2}",
            .sv: "redan bokförd: samma bankreferens {1}, belopp och datum som inbetalning {2}",
        ],
        "everything the plan covers is paid": [.nb: "alt planen omfatter, er betalt", .sv: "allt som planen omfattar är betalt"],
        "every payment due so far has come in": [
            .nb: "alle innbetalinger som har forfalt så langt, har kommet inn",
            .sv: "alla inbetalningar som har förfallit hittills har kommit in",
        ],
        "payment {1} of {2} due {3} is missed: one reminder, {4} in arrears": [
            .nb: "innbetaling nr. {1} på {2} med forfall {3} har uteblitt: én påminnelse sendes, {4} i restanse",
            .sv: "inbetalning nr {1} på {2} med förfallodag {3} har uteblivit: en påminnelse skickas, {4} obetalt",
        ],
        "a second payment is missed ({1}, due {2}) after the reminder about payment {3}": [
            .nb: "enda en innbetaling har uteblitt (nr. {1}, forfall {2}) etter påminnelsen om innbetaling nr. {3}",
            .sv: "ytterligare en inbetalning har uteblivit (nr {1}, förfallodag {2}) efter påminnelsen om inbetalning nr {3}",
        ],
        "the reminder's deadline {1} passed with {2} still in arrears": [
            .nb: "fristen {1} i påminnelsen har gått ut, og {2} er fortsatt i restanse",
            .sv: "fristen {1} i påminnelsen har löpt ut och {2} är fortfarande obetalt",
        ],
        "payment {1} was reminded about; {2} in arrears until the deadline": [
            .nb: "påminnelse om innbetaling nr. {1} er sendt; {2} i restanse, venter til fristen",
            .sv: "påminnelse om inbetalning nr {1} har skickats; {2} obetalt, väntar till fristen",
        ],
        "payment {1} was reminded about; {2} in arrears until {3}": [
            .nb: "påminnelse om innbetaling nr. {1} er sendt; {2} i restanse, venter til {3}",
            .sv: "påminnelse om inbetalning nr {1} har skickats; {2} obetalt, väntar till {3}",
        ],
        "no plan fee: the creditor does not ask for one": [
            .nb: "ingen avgift for planen: kreditor krever ingen",
            .sv: "ingen avgift för planen: borgenären begär ingen",
        ],
        "no plan fee: Norwegian rules allow none for a payment plan": [
            .nb: "ingen avgift for planen: norske regler tillater ikke avgift for en betalingsplan",
            .sv: "ingen avgift för planen: norska regler tillåter ingen avgift för en avbetalningsplan",
        ],
        "no plan fee: between businesses the förseningsersättning replaces collection fees": [
            .nb: "ingen avgift for planen: mellom bedrifter gjelder förseningsersättning i stedet for inkassokostnader",
            .sv: "ingen avgift för planen: mellan företag ersätter förseningsersättningen inkassokostnaderna",
        ],
        "amorteringsplan fee {1}: a written plan over the whole debt, agreed and delivered": [
            .nb: "avgift for amorteringsplan {1}: skriftlig plan for hele gjelden, avtalt og overlevert",
            .sv: "avgift för amorteringsplan {1}: skriftlig plan för hela skulden, överenskommen och överlämnad",
        ],
        "no plan fee: {1}": [.nb: "ingen avgift for planen: {1}", .sv: "ingen avgift för planen: {1}"],
        "a reversal or return takes money back: a person decides which claim it reopens": [
            .nb: "en tilbakeføring eller retur trekker penger tilbake: en person avgjør hvilket krav som åpnes igjen",
            .sv: "en återföring eller retur drar tillbaka pengar: en person avgör vilken fordran som öppnas igen",
        ],
        "the amount {1} is not a payment": [.nb: "beløpet {1} er ikke en innbetaling", .sv: "beloppet {1} är ingen inbetalning"],
        "the reference names {1}, already paid: a double payment to refund or keep as credit": [
            .nb: "referansen viser til {1}, som allerede er betalt: en dobbeltbetaling som skal betales tilbake eller stå som kundens tilgodehavende",
            .sv: "referensen avser {1}, som redan har betalats: en dubbelbetalning att betala tillbaka eller bokföra som kundens tillgodohavande",
        ],
        "the payer named {1} but paid {2}, not the open {3}": [
            .nb: "betaleren oppga {1}, men betalte {2}, ikke utestående {3}",
            .sv: "betalaren angav {1} men betalade {2}, inte utestående {3}",
        ],
        "the payer is a known customer and {1} of their claims are open for exactly {2}: which one is not certain": [
            .nb: "betaleren er en kjent kunde, og {1} av kundens krav står åpne med nøyaktig {2}: det er usikkert hvilket",
            .sv: "betalaren är en känd kund och {1} av kundens fordringar är öppna med exakt {2}: det är osäkert vilken",
        ],
        "the payer is a known customer, but {1} is neither the open amount of one of their claims nor of all of them": [
            .nb: "betaleren er en kjent kunde, men {1} er verken utestående beløp på ett av kundens krav eller på alle til sammen",
            .sv: "betalaren är en känd kund, men {1} är varken det öppna beloppet på en av kundens fordringar eller på alla tillsammans",
        ],
        "no reference or invoice number in the payment names an open claim": [
            .nb: "ingen referanse eller fakturanummer i innbetalingen viser til et åpent krav",
            .sv: "varken referens eller fakturanummer i inbetalningen avser en öppen fordran",
        ],
        "nothing is outstanding: the claim is paid or credited": [
            .nb: "ingenting er utestående: kravet er betalt eller kreditert",
            .sv: "inget är utestående: fordringen är betald eller krediterad",
        ],
        "the claim is already with an agency": [.nb: "kravet er allerede hos et inkassobyrå", .sv: "fordringen ligger redan hos ett inkassobolag"],
        "the {1} of {2} has no channel recorded": [.nb: "{1} sendt {2} uten registrert kanal", .sv: "{1} skickat {2} utan registrerad kanal"],
        "the {1} of {2} went by {3}, which the debtor has not accepted for notices": [
            .nb: "{1} sendt {2} via kanalen {3}, som skyldneren ikke har godtatt for varsler",
            .sv: "{1} skickat {2} via kanalen {3}, som gäldenären inte har godkänt för meddelanden",
        ],
        "the {1} deadline {2} has not passed": [.nb: "fristen {2} i siste {1} har ikke gått ut", .sv: "{1}: fristen {2} har inte löpt ut"],
        "the inkassovarsel deadline {1} passed more than {2} months ago: send a new inkassovarsel": [
            .nb: "fristen {1} i inkassovarselet gikk ut for mer enn {2} måneder siden: send et nytt inkassovarsel",
            .sv: "fristen {1} i inkassovarslet gick ut för mer än {2} månader sedan: skicka ett nytt inkassovarsel",
        ],
        "the {1} of {2} gave no deadline": [.nb: "{1} sendt {2} uten frist", .sv: "{1} skickat {2} utan frist"],
        "no {1} has been sent: one must go, and its deadline pass, first": [
            .nb: "det er ikke sendt noe {1}: først må det sendes ett, og fristen i det må gå ut",
            .sv: "inget {1} har skickats: först måste ett skickas och dess frist löpa ut",
        ],
        "{1} is disputed: a disputed claim is never sent to collection": [
            .nb: "{1} er bestridt: et bestridt krav sendes aldri til inkasso",
            .sv: "{1} har bestritts: en bestridd fordran lämnas aldrig till inkasso",
        ],
        "the debtor promised to pay {1} for invoices {2} by {3}": [
            .nb: "skyldneren har lovet å betale {1} for fakturaene {2} innen {3}",
            .sv: "gäldenären har lovat att betala {1} för fakturorna {2} senast {3}",
        ],
        "the debtor promised to pay {1} by {2}": [
            .nb: "skyldneren har lovet å betale {1} innen {2}",
            .sv: "gäldenären har lovat att betala {1} senast {2}",
        ],
        "a payment plan covers the claim and is being kept": [
            .nb: "kravet er med i en betalingsplan som overholdes",
            .sv: "fordringen ingår i en avbetalningsplan som följs",
        ],
        "past limitation since {1} unless the period was interrupted": [
            .nb: "foreldet fra {1}, med mindre foreldelsesfristen er avbrutt",
            .sv: "preskriberad från {1}, om inte preskriptionen har avbrutits",
        ],
        "the original invoice is not in the archive": [.nb: "originalfakturaen er ikke i arkivet", .sv: "originalfakturan finns inte i arkivet"],
        "not in the archive: {1}": [.nb: "ikke i arkivet: {1}", .sv: "finns inte i arkivet: {1}"],
        "not sent to the debtor yet: {1}": [.nb: "ikke sendt til skyldneren ennå: {1}", .sv: "inte skickat till gäldenären ännu: {1}"],
        "the debtor's name is missing": [.nb: "skyldnerens navn mangler", .sv: "gäldenärens namn saknas"],
        "the debtor's postal address is incomplete": [.nb: "skyldnerens postadresse er ufullstendig", .sv: "gäldenärens postadress är ofullständig"],
        "the debtor's country {1} is not a country code such as NO or SE": [
            .nb: "skyldnerens land {1} er ikke en landkode som NO eller SE", .sv: "gäldenärens land {1} är ingen landskod som NO eller SE",
        ],
        "the {1} on file is not valid": [.nb: "registrert {1} er ikke gyldig", .sv: "registrerat {1} är inte giltigt"],
        "a business debtor needs its {1}": [
            .nb: "en næringsdrivende skyldner må ha registrert {1}", .sv: "en gäldenär som är företag måste ha {1} registrerat",
        ],
        "the {1} is not valid": [.nb: "registrert {1} er ikke gyldig", .sv: "registrerat {1} är inte giltigt"],
        "follow-up agreed on {1}": [.nb: "oppfølging avtalt {1}", .sv: "uppföljning överenskommen {1}"],
        "follow-up agreed on {1}: {2}": [.nb: "oppfølging avtalt {1}: {2}", .sv: "uppföljning överenskommen {1}: {2}"],
        "call planned by {1}": [.nb: "samtale planlagt av {1}", .sv: "samtal planerat av {1}"],
        "payment plan ended: {1}": [.nb: "betalingsplanen er avsluttet: {1}", .sv: "avbetalningsplanen har upphört: {1}"],
        "promise to pay by {1} broken": [
            .nb: "betalingsløftet om å betale innen {1} er brutt", .sv: "betalningslöftet om att betala senast {1} har brutits",
        ],
        "the agency reports the case {1}": [
            .nb: "inkassobyrået melder ny status for saken: {1}",
            .sv: "inkassobolaget rapporterar ny status för ärendet: {1}",
        ],
        "the agency closed the case, paid in full": [
            .nb: "inkassobyrået har avsluttet saken: betalt i sin helhet",
            .sv: "inkassobolaget har avslutat ärendet: betalt i sin helhet",
        ],
        "the agency closed the case with {1} still owed: the claim is the creditor's again": [
            .nb: "inkassobyrået har avsluttet saken med {1} fortsatt utestående: kravet er tilbake hos kreditor",
            .sv: "inkassobolaget har avslutat ärendet med {1} fortfarande obetalt: fordringen går tillbaka till borgenären",
        ],
        "the agency collected {1}": [.nb: "inkassobyrået har drevet inn {1}", .sv: "inkassobolaget har drivit in {1}"],
        "the agency passed {1} on to the creditor": [
            .nb: "inkassobyrået har utbetalt {1} til kreditor",
            .sv: "inkassobolaget har betalat ut {1} till borgenären",
        ],
        "the agency added {1} in collection costs, owed by the debtor": [
            .nb: "inkassobyrået har lagt til {1} i inkassokostnader, som skyldneren skal betale",
            .sv: "inkassobolaget har lagt till {1} i inkassokostnader, som gäldenären ska betala",
        ],
        "the agency gave the case back as the creditor asked": [
            .nb: "inkassobyrået har gitt saken tilbake etter ønske fra kreditor",
            .sv: "inkassobolaget har lämnat tillbaka ärendet på borgenärens begäran",
        ],
        "late interest {1} on {2} for {3} days, {4} through {5}": [
            .nb: "forsinkelsesrente {1} av {2} fra og med {4} til og med {5} (rentedager: {3})",
            .sv: "dröjsmålsränta {1} på {2} från och med {4} till och med {5} (räntedagar: {3})",
        ],
        "late interest not computed: the rate for {1} is not in the rulebook ({2}); it is charged once the rate is added": [
            .nb: "forsinkelsesrente ikke beregnet: satsen for {1} er ikke i regelboken ({2}); renten belastes når satsen er lagt inn",
            .sv: "dröjsmålsränta inte beräknad: räntesatsen för {1} finns inte i regelboken ({2}); räntan debiteras när satsen har lagts in",
        ],
        "late interest not computed: {1}": [.nb: "forsinkelsesrente ikke beregnet: {1}", .sv: "dröjsmålsränta inte beräknad: {1}"],
        "": [.nb: "", .sv: ""],
        ", and {1} not accepted for notices": [
            .nb: ", og skyldneren har ikke godtatt {1} for varsler",
            .sv: ", och gäldenären har inte godkänt {1} för meddelanden",
        ],
        "the debtor cannot be reached for the {1}: no postal address{2}": [
            .nb: "skyldneren kan ikke nås med {1}: ingen postadresse{2}",
            .sv: "gäldenären kan inte nås med {1}: ingen postadress{2}",
        ],
        "the ladder names no usable channel for '{1}': sent by letter": [
            .nb: "purreløpet angir ingen brukbar kanal for '{1}': sendes som brev",
            .sv: "påminnelseflödet anger ingen användbar kanal för '{1}': skickas som brev",
        ],
        "{1} not used: the debtor has not accepted it for notices; sent by {2}": [
            .nb: "{1} brukes ikke: skyldneren har ikke godtatt kanalen for varsler; {2} brukes i stedet",
            .sv: "{1} används inte: gäldenären har inte godkänt kanalen för meddelanden; {2} används i stället",
        ],
        "{1} not used: the debtor has not accepted them for notices; sent by {2}": [
            .nb: "{1} brukes ikke: skyldneren har ikke godtatt disse kanalene for varsler; {2} brukes i stedet",
            .sv: "{1} används inte: gäldenären har inte godkänt dessa kanaler för meddelanden; {2} används i stället",
        ],
        "friendly reminder": [.nb: "vennlig påminnelse", .sv: "vänlig påminnelse"],
        "purring": [.nb: "purring", .sv: "purring"],
        "påminnelse": [.nb: "påminnelse", .sv: "påminnelse"],
        "inkassovarsel": [.nb: "inkassovarsel", .sv: "inkassovarsel"],
        "inkassokrav": [.nb: "inkassokrav", .sv: "inkassokrav"],
        "call task": [.nb: "ringeoppgave", .sv: "samtalsuppgift"],
        "handover to the agency": [.nb: "oversendelse til inkasso", .sv: "överlämning till inkasso"],
        "no {1} has been sent: a claim goes to the agency only after one whose deadline has passed": [
            .nb: "det er ikke sendt noe {1}: et krav sendes til inkasso først når fristen i et slikt varsel har gått ut",
            .sv: "inget {1} har skickats: en fordran lämnas till inkasso först när fristen i ett sådant har löpt ut",
        ],
        "the {1} of {2} gave no deadline: a handover needs one that has passed": [
            .nb: "{1} sendt {2} uten frist: oversendelse til inkasso krever en frist som har gått ut",
            .sv: "{1} skickat {2} utan frist: överlämning till inkasso kräver en frist som har löpt ut",
        ],
        "handover on {1}, once the {2} deadline {3} has passed": [
            .nb: "oversendelse til inkasso den {1}, når fristen {3} i siste {2} har gått ut",
            .sv: "överlämning till inkasso den {1}, när fristen {3} ({2}) har löpt ut",
        ],
        "no handover before {1}: the {2} deadline {3} has not passed": [
            .nb: "ingen oversendelse til inkasso før {1}: fristen {3} i siste {2} har ikke gått ut",
            .sv: "ingen överlämning till inkasso före {1}: fristen {3} ({2}) har inte löpt ut",
        ],
        "the handover window cannot be checked: {1}": [
            .nb: "tidsrommet for oversendelse til inkasso kan ikke kontrolleres: {1}",
            .sv: "tidsfönstret för överlämning till inkasso kan inte kontrolleras: {1}",
        ],
        "the inkassovarsel deadline {1} passed more than {2} months ago: send a new inkassovarsel before a handover": [
            .nb: "fristen {1} i inkassovarselet gikk ut for mer enn {2} måneder siden: send et nytt inkassovarsel før oversendelse til inkasso",
            .sv: "fristen {1} i inkassovarslet gick ut för mer än {2} månader sedan: skicka ett nytt inkassovarsel före överlämning till inkasso",
        ],
        "{1} of the claim is disputed: a person decides whether the undisputed {2} goes to the agency": [
            .nb: "{1} av kravet er bestridt: en person avgjør om det ubestridte beløpet, {2}, skal til inkassobyrået",
            .sv: "{1} av fordringen har bestritts: en person avgör om det obestridda beloppet, {2}, ska lämnas till inkassobolaget",
        ],
        "name": [.nb: "navn", .sv: "namn"],
        "postal address": [.nb: "postadresse", .sv: "postadress"],
        "country code": [.nb: "landkode", .sv: "landskod"],
        "valid {1}": [.nb: "gyldig {1}", .sv: "giltigt {1}"],
        "the agency needs complete debtor data; missing: {1}": [
            .nb: "inkassobyrået trenger fullstendige opplysninger om skyldneren; mangler: {1}",
            .sv: "inkassobolaget behöver fullständiga uppgifter om gäldenären; saknas: {1}",
        ],
        "{1} and {2}": [.nb: "{1} og {2}", .sv: "{1} och {2}"],
        "{1}": [.nb: "{1}", .sv: "{1}"],
        "good payer: no late payment since {1}, so the first reminder goes without {2} (the creditor's goodwill)": [
            .nb: "god betaler: ingen forsinket betaling siden {1}, så {2} frafalles første gang (goodwill fra kreditor)",
            .sv: "god betalare: ingen försenad betalning sedan {1}, så {2} efterges första gången (borgenärens goodwill)",
        ],
        "a {1} carries no fee: only a formal reminder or collection notice may": [
            .nb: "en {1} kan ikke ha gebyr: det kan bare en purring eller et inkassovarsel",
            .sv: "en {1} kan inte ha någon avgift: det kan bara en formell påminnelse eller ett inkassokrav",
        ],
        "no purregebyr: sent {1} days after the due date {2}; a fee needs at least {3} (from {4})": [
            .nb: "ingen purregebyr: sendes dag {1} etter forfallsdatoen {2}; gebyr krever minst {3} dager (fra {4})",
            .sv: "ingen purregebyr: skickas dag {1} efter förfallodagen {2}; en avgift kräver minst {3} dagar (från {4})",
        ],
        "no purregebyr: an inkassovarsel went out on {1}, and no fee-bearing notice may follow it": [
            .nb: "ingen purregebyr: et inkassovarsel ble sendt {1}, og etter det kan ingen varsler ha gebyr",
            .sv: "ingen purregebyr: ett inkassovarsel skickades {1}, och inget meddelande med avgift får följa efter det",
        ],
        "no purregebyr: {1} fees are already charged on this claim, the most allowed": [
            .nb: "ingen purregebyr: {1} gebyr er allerede belastet på dette kravet, og flere er ikke tillatt",
            .sv: "ingen purregebyr: antalet avgifter som redan har tagits ut på denna fordran ({1}) är det högsta tillåtna",
        ],
        "{1} days": [.nb: "{1} dager", .sv: "{1} dagar"],
        "no deadline": [.nb: "ingen frist", .sv: "ingen frist"],
        "no second purregebyr: the fee-bearing notice of {1} gave {2}; the next fee needs a missed deadline of at least {3} days": [
            .nb: "ikke nytt purregebyr: varselet med gebyr fra {1} ga {2}; neste gebyr krever en oversittet frist på minst {3} dager",
            .sv: "ingen andra purregebyr: meddelandet med avgift från {1} gav {2}; nästa avgift kräver en överskriden frist på minst {3} dagar",
        ],
        "no second purregebyr: the deadline {1} of the notice of {2} has not passed": [
            .nb: "ikke nytt purregebyr: fristen {1} i varselet fra {2} har ikke gått ut",
            .sv: "ingen andra purregebyr: fristen {1} i meddelandet från {2} har inte löpt ut",
        ],
        " (amount uncertain: NORDIC-RULES § 17.1)": [.nb: " (usikkert beløp: NORDIC-RULES § 17.1)", .sv: " (osäkert belopp: NORDIC-RULES § 17.1)"],
        "purregebyr {1}: sent {2} days after the due date {3}, at least {4}": [
            .nb: "purregebyr {1}: sendes {2} dager etter forfallsdatoen {3}, minst {4} dager kreves",
            .sv: "purregebyr {1}: skickas {2} dagar efter förfallodagen {3}, minst {4} dagar krävs",
        ],
        "purregebyr = {1} × inkassosats {2}{3}": [.nb: "purregebyr = {1} × inkassosats {2}{3}", .sv: "purregebyr = {1} × inkassosats {2}{3}"],
        "no purregebyr: {1}": [.nb: "ingen purregebyr: {1}", .sv: "ingen purregebyr: {1}"],
        "no fee on or before the due date {1}": [
            .nb: "ingen avgift på eller før forfallsdatoen {1}",
            .sv: "ingen avgift på eller före förfallodagen {1}",
        ],
        "no påminnelseavgift: none was agreed when the debt arose": [
            .nb: "ingen påminnelseavgift: det ble ikke avtalt da gjelden oppsto",
            .sv: "ingen påminnelseavgift: någon sådan avtalades inte när skulden uppkom",
        ],
        "no påminnelseavgift after the inkassokrav of {1}": [
            .nb: "ingen påminnelseavgift etter inkassokravet fra {1}",
            .sv: "ingen påminnelseavgift efter inkassokravet från {1}",
        ],
        "no påminnelseavgift: {1} already charged on this claim, the most allowed": [
            .nb: "ingen påminnelseavgift: antallet som allerede er tatt ut på dette kravet ({1}), er det høyeste tillatte",
            .sv: "ingen påminnelseavgift: antalet som redan har tagits ut på denna fordran ({1}) är det högsta tillåtna",
        ],
        "påminnelseavgift {1}: agreed when the debt arose, the first on this claim": [
            .nb: "påminnelseavgift {1}: avtalt da gjelden oppsto, den første på dette kravet",
            .sv: "påminnelseavgift {1}: avtalad när skulden uppkom, den första på denna fordran",
        ],
        "no inkassoavgift: one was already charged on this claim": [
            .nb: "ingen inkassoavgift: det er allerede tatt ut én på dette kravet",
            .sv: "ingen inkassoavgift: en sådan har redan tagits ut på denna fordran",
        ],
        "inkassoavgift {1} for an inkassokrav meeting IkL 5 §": [
            .nb: "inkassoavgift {1} for et inkassokrav som oppfyller IkL 5 §",
            .sv: "inkassoavgift {1} för ett inkassokrav som uppfyller IkL 5 §",
        ],
        "no fee: {1}": [.nb: "ingen avgift: {1}", .sv: "ingen avgift: {1}"],
        "no fee for a business: the {1} already charged replaces collection fees": [
            .nb: "ingen gebyr for en bedrift: {1} er allerede belastet i stedet for inkassokostnader",
            .sv: "ingen avgift för ett företag: {1} har redan tagits ut i stället för inkassokostnader",
        ],
        "no fee and no {1} yet: a business owes the {2} once late interest runs, from {3}": [
            .nb: "ingen gebyr og ennå ingen {1}: en bedrift skylder {2} først når forsinkelsesrente løper, fra {3}",
            .sv: "ingen avgift och ännu ingen {1}: ett företag ska betala {2} först när dröjsmålsränta löper, från {3}",
        ],
        "{1} {2}: a business owes it once late interest runs (from {3})": [
            .nb: "{1} {2}: en bedrift skylder den når forsinkelsesrente løper (fra {3})",
            .sv: "{1} {2}: ett företag ska betala den när dröjsmålsränta löper (från {3})",
        ],
        "no {1}: the {2} replaces it": [.nb: "ingen {1}: erstattes av {2}", .sv: "ingen {1}: ersätts av {2}"],
        "no fee and no {1}: {2}; nothing is charged rather than a guessed amount": [
            .nb: "ingen gebyr og ingen {1}: {2}; heller ingenting enn et gjettet beløp",
            .sv: "ingen avgift och ingen {1}: {2}; hellre inget än ett gissat belopp",
        ],
        "the due date {1} is not a business day: everything counts from {2}": [
            .nb: "forfallsdatoen {1} er ikke en virkedag: alt regnes fra {2}",
            .sv: "förfallodagen {1} är inte en bankdag: allt räknas från {2}",
        ],
        "the promise to pay {1} for invoices {2} by {3} was not kept: the ladder resumes": [
            .nb: "betalingsløftet om {1} for fakturaene {2} innen {3} ble ikke holdt: purreløpet fortsetter",
            .sv: "betalningslöftet om {1} för fakturorna {2} senast {3} hölls inte: påminnelseflödet fortsätter",
        ],
        "the promise to pay {1} by {2} was not kept: the ladder resumes": [
            .nb: "betalingsløftet om {1} innen {2} ble ikke holdt: purreløpet fortsetter",
            .sv: "betalningslöftet om {1} senast {2} hölls inte: påminnelseflödet fortsätter",
        ],
        "{1} is disputed and left alone: only the undisputed {2} is asked for": [
            .nb: "{1} er bestridt og holdes utenfor: bare det ubestridte beløpet, {2}, kreves",
            .sv: "{1} har bestritts och lämnas utanför: bara det obestridda beloppet, {2}, krävs",
        ],
        "offer: the fee and interest are waived if the rest is paid by {1}": [
            .nb: "tilbud: gebyr og renter frafalles hvis resten betales innen {1}",
            .sv: "erbjudande: avgiften och räntan efterges om resten betalas senast {1}",
        ],
        "the amount asked for cannot be computed: {1}": [
            .nb: "beløpet som kreves, kan ikke beregnes: {1}",
            .sv: "det begärda beloppet kan inte beräknas: {1}",
        ],
        "{1} '{2}': fee-free, from the creditor's ladder": [
            .nb: "{1} '{2}': uten gebyr, fra kreditors purreløp",
            .sv: "{1} '{2}': utan avgift, från borgenärens påminnelseflöde",
        ],
        "{1} '{2}' after the due date {3}": [.nb: "{1} '{2}' etter forfallsdatoen {3}", .sv: "{1} '{2}' efter förfallodagen {3}"],
        "inkassovarsel '{1}': says plainly that the claim goes to inkasso if not paid by the deadline": [
            .nb: "inkassovarsel '{1}': sier tydelig at kravet sendes til inkasso hvis det ikke er betalt innen fristen",
            .sv: "inkassovarsel '{1}': anger tydligt att fordringen går till inkasso om den inte är betald inom fristen",
        ],
        "inkassokrav '{1}': principal, interest and costs shown separately, with time to pay or object": [
            .nb: "inkassokrav '{1}': hovedstol, renter og kostnader vist hver for seg, med frist til å betale eller komme med innsigelse",
            .sv: "inkassokrav '{1}': huvudfordran, ränta och kostnader redovisade var för sig, med tid att betala eller invända",
        ],
        "call task '{1}': agree a date or a plan with the customer, then confirm it in writing": [
            .nb: "ringeoppgave '{1}': avtal en dato eller en betalingsplan med kunden, og bekreft avtalen skriftlig",
            .sv: "samtalsuppgift '{1}': kom överens med kunden om ett datum eller en avbetalningsplan och bekräfta sedan skriftligt",
        ],
        "handover '{1}': the {2} deadline has passed, nothing is disputed and the debtor data is complete": [
            .nb: "oversendelse til inkasso '{1}': fristen i siste {2} har gått ut, ingenting er bestridt og opplysningene om skyldneren er fullstendige",
            .sv: "överlämning till inkasso '{1}': fristen ({2}) har löpt ut, inget är bestritt och uppgifterna om gäldenären är fullständiga",
        ],
        "the ladder ({1}) and rulebook ({2}) must be the claim's country ({3})": [
            .nb: "purreløpet ({1}) og regelboken ({2}) må gjelde kravets land ({3})",
            .sv: "påminnelseflödet ({1}) och regelboken ({2}) måste gälla fordringens land ({3})",
        ],
        "the claim is in {1}: the rulebook's fees and interest are in {2}": [
            .nb: "kravet er i {1}: regelbokens gebyrer og renter er i {2}",
            .sv: "fordringen är i {1}: regelbokens avgifter och räntor är i {2}",
        ],
        "the disputed amount {1} is negative: the claim's facts need correcting": [
            .nb: "det bestridte beløpet {1} er negativt: opplysningene om kravet må rettes",
            .sv: "det bestridda beloppet {1} är negativt: uppgifterna om fordringen måste rättas",
        ],
        "the claim is with the collection agency, which follows it up from here": [
            .nb: "kravet er hos inkassobyrået, som følger det opp herfra",
            .sv: "fordringen ligger hos inkassobolaget, som följer upp den härifrån",
        ],
        "the whole open amount ({1}) is disputed: nothing is collected on a disputed amount": [
            .nb: "hele det åpne beløpet ({1}) er bestridt: et bestridt beløp kreves ikke inn",
            .sv: "hela det öppna beloppet ({1}) är bestritt: ett bestritt belopp drivs inte in",
        ],
        "the limitation period cannot be checked: {1}": [
            .nb: "foreldelsesfristen kan ikke kontrolleres: {1}",
            .sv: "preskriptionstiden kan inte kontrolleras: {1}",
        ],
        "past limitation: due {1}, time-barred from {2} unless the period was interrupted; flagged, not chased": [
            .nb: "foreldelsesfristen er ute: forfall {1}, foreldet fra {2} med mindre fristen er avbrutt; markert, følges ikke opp",
            .sv: "preskriptionstiden har löpt ut: förfallodag {1}, preskriberad från {2} om inte preskriptionen avbrutits; markerad, följs inte upp",
        ],
        "a payment plan covers the claim and is being kept: its instalments are followed up by the plan": [
            .nb: "kravet er med i en betalingsplan som overholdes: avdragene følges opp gjennom planen",
            .sv: "fordringen ingår i en avbetalningsplan som följs: delbetalningarna följs upp genom planen",
        ],
        "the debtor promised to pay {1} for invoices {2} by {3}: nothing is sent while a promise is being kept": [
            .nb: "skyldneren har lovet å betale {1} for fakturaene {2} innen {3}: ingenting sendes mens et betalingsløfte holdes",
            .sv: "gäldenären har lovat att betala {1} för fakturorna {2} senast {3}: inget skickas medan ett betalningslöfte hålls",
        ],
        "the debtor promised to pay {1} by {2}: nothing is sent while a promise is being kept": [
            .nb: "skyldneren har lovet å betale {1} innen {2}: ingenting sendes mens et betalingsløfte holdes",
            .sv: "gäldenären har lovat att betala {1} senast {2}: inget skickas medan ett betalningslöfte hålls",
        ],
        "the ladder's minimum amount is in {1}, the claim in {2}": [
            .nb: "minstebeløpet i purreløpet er i {1}, kravet i {2}",
            .sv: "påminnelseflödets minimibelopp är i {1}, fordringen i {2}",
        ],
        "the open amount {1} is below the ladder's minimum of {2}: watched, nothing is sent": [
            .nb: "det åpne beløpet {1} er under purreløpets minstebeløp på {2}: overvåkes, ingenting sendes",
            .sv: "det öppna beloppet {1} är under påminnelseflödets minimibelopp på {2}: bevakas, inget skickas",
        ],
        "the ladder is for {1} but checked against the {2} rulebook": [
            .nb: "purreløpet gjelder {1}, men kontrolleres mot regelboken for {2}",
            .sv: "påminnelseflödet gäller {1} men kontrolleras mot regelboken för {2}",
        ],
        "the ladder has no steps": [.nb: "purreløpet har ingen steg", .sv: "påminnelseflödet har inga steg"],
        "the ladder cannot be checked: {1}": [.nb: "purreløpet kan ikke kontrolleres: {1}", .sv: "påminnelseflödet kan inte kontrolleras: {1}"],
        "a step needs an id: it is part of every act's idempotency key": [
            .nb: "et steg må ha en id: den inngår i idempotensnøkkelen til hver handling",
            .sv: "ett steg behöver ett id: det ingår i idempotensnyckeln för varje åtgärd",
        ],
        "ids starting with '{1}' are kept for the call task option": [
            .nb: "id-er som begynner med '{1}', er reservert for innstillingen for ringeoppgaver",
            .sv: "id som börjar med '{1}' är reserverade för inställningen för samtalsuppgifter",
        ],
        "two steps share the id '{1}': the planner tells taken steps by their id": [
            .nb: "to steg har samme id '{1}': planleggeren kjenner igjen utførte steg på id-en",
            .sv: "två steg har samma id '{1}': planeraren känner igen genomförda steg på deras id",
        ],
        "the {1} must be a non-negative amount in {2}, not {3}": [
            .nb: "{1} må være et ikke-negativt beløp i {2}, ikke {3}",
            .sv: "{1} måste vara ett icke-negativt belopp i {2}, inte {3}",
        ],
        "minimum amount": [.nb: "minstebeløpet", .sv: "minimibeloppet"],
        "call task threshold": [.nb: "beløpsgrensen for ringeoppgave", .sv: "beloppsgränsen för samtalsuppgift"],
        "the call task comes a non-negative number of days before the notice": [
            .nb: "antall dager ringeoppgaven kommer før inkassovarselet, kan ikke være negativt",
            .sv: "antalet dagar som samtalsuppgiften kommer före inkassokravet kan inte vara negativt",
        ],
        "a waiver offer needs at least one day to pay in": [
            .nb: "et tilbud om frafall må gi minst én dag til å betale",
            .sv: "ett erbjudande om eftergift måste ge minst en dag att betala på",
        ],
        "a good payer is judged over 1 to 60 months, not {1}": [
            .nb: "en god betaler vurderes over 1 til 60 måneder, ikke {1}",
            .sv: "en god betalare bedöms över 1 till 60 månader, inte {1}",
        ],
        "the step counts from the previous deadline, but no earlier step gives one": [
            .nb: "steget regnes fra forrige frist, men ingen tidligere steg gir en frist",
            .sv: "steget räknas från föregående frist, men inget tidigare steg ger någon",
        ],
        "the step comes {1} days after the due date, before the step ahead of it ({2}): steps are taken in order": [
            .nb: "steget kommer dag {1} etter forfallsdatoen, før forrige steg (dag {2}): stegene tas i rekkefølge",
            .sv: "steget kommer dag {1} efter förfallodagen, före föregående steg (dag {2}): stegen tas i tur och ordning",
        ],
        "a {1} needs at least one channel": [.nb: "{1}: minst én kanal må velges", .sv: "{1}: minst en kanal måste väljas"],
        "a deadline cannot be negative ({1} days)": [
            .nb: "en frist kan ikke være negativ ({1} dager)",
            .sv: "en frist kan inte vara negativ ({1} dagar)",
        ],
        "a friendly reminder is fee-free: make it a formal reminder to ask for a fee": [
            .nb: "en vennlig påminnelse er uten gebyr: gjør den til en purring for å kreve gebyr",
            .sv: "en vänlig påminnelse är avgiftsfri: gör den till en formell påminnelse för att ta ut en avgift",
        ],
        "a {1} may go out only after the due date, not {2} days after it": [
            .nb: "{1}: kan først sendes etter forfallsdatoen, ikke {2} dager etter den",
            .sv: "{1}: får skickas först efter förfallodagen, inte {2} dagar efter den",
        ],
        "the {1} gives {2}; it must give at least {3}": [
            .nb: "fristen for {1}: {2}; den må være minst {3} dager",
            .sv: "fristen för {1}: {2}; den måste vara minst {3} dagar",
        ],
        "no fee-bearing {1} may follow the {2}": [.nb: "{1} med gebyr kan ikke komme etter et {2}", .sv: "{1} med avgift får inte komma efter ett {2}"],
        "a fee-bearing {1} comes {2} days after the due date; a fee needs at least {3}": [
            .nb: "{1} med gebyr kommer dag {2} etter forfallsdatoen; gebyr krever minst {3} dager",
            .sv: "{1} med avgift kommer dag {2} efter förfallodagen; en avgift kräver minst {3} dagar",
        ],
        "more than {1} fee-bearing purring/inkassovarsel steps": [
            .nb: "mer enn {1} steg med gebyr (purring/inkassovarsel)",
            .sv: "fler än {1} steg med avgift (purring/inkassovarsel)",
        ],
        "a second fee needs a missed deadline of at least {1} days in '{2}' (it gives {3}), and must come after it": [
            .nb: "et nytt gebyr krever en oversittet frist på minst {1} dager i '{2}' (steget gir {3} dager), og må komme etter fristen",
            .sv: "en andra avgift kräver en överskriden frist på minst {1} dagar i '{2}' (steget ger {3} dagar) och måste komma efter den",
        ],
        "more than {1} fee-bearing påminnelse on one claim": [
            .nb: "for mange påminnelser med påminnelseavgift på samme krav (høyst {1})",
            .sv: "för många påminnelser med avgift på samma fordran (högst {1})",
        ],
        "a ladder hands a claim over once": [
            .nb: "et purreløp sender et krav til inkasso bare én gang",
            .sv: "ett påminnelseflöde lämnar över en fordran till inkasso bara en gång",
        ],
        "the handover must be the last step: after it the agency follows the claim up": [
            .nb: "oversendelsen til inkasso må være siste steg: etter den følger inkassobyrået opp kravet",
            .sv: "överlämningen till inkasso måste vara sista steget: därefter följer inkassobolaget upp fordringen",
        ],
        "a handover needs a {1} before it whose deadline has passed": [
            .nb: "oversendelse til inkasso krever at et {1} er sendt først og at fristen i det har gått ut",
            .sv: "överlämning till inkasso kräver att ett {1} har skickats först och att dess frist har löpt ut",
        ],
        "the handover comes {1} days after the due date, before the {2} deadline has passed (day {3})": [
            .nb: "oversendelsen til inkasso kommer dag {1} etter forfallsdatoen, før fristen i forrige {2} har gått ut (dag {3})",
            .sv: "överlämningen till inkasso kommer dag {1} efter förfallodagen, innan fristen i föregående {2} har löpt ut (dag {3})",
        ],
        "the {1} announces a handover to an agency, so the ladder must end with one": [
            .nb: "et {1} varsler oversendelse til inkasso, så purreløpet må slutte med en oversendelse",
            .sv: "ett {1} varslar om överlämning till inkasso, så påminnelseflödet måste avslutas med en sådan",
        ],
        "'{1}' gives a negative deadline ({2} days)": [.nb: "'{1}' gir en negativ frist ({2} dager)", .sv: "'{1}' ger en negativ frist ({2} dagar)"],
        "the {1} deadline cannot be checked: {2}": [.nb: "fristen for {1} kan ikke kontrolleres: {2}", .sv: "fristen för {1} kan inte kontrolleras: {2}"],
        "the ladder gives the {1} {2}; it must give at least {3} days": [
            .nb: "fristen for {1} i purreløpet: {2}; den må være minst {3} dager",
            .sv: "fristen för {1} i påminnelseflödet: {2}; den måste vara minst {3} dagar",
        ],
        "deadline {1}: {2} calendar days from sending{3}": [
            .nb: "frist {1}: {2} kalenderdager fra utsendelse{3}",
            .sv: "frist {1}: {2} kalenderdagar från utskicket{3}",
        ],
        ", not moved although it is not a business day (Ot.prp. nr. 2 (1987–88) p. 114)": [
            .nb: ", ikke flyttet selv om den ikke er en virkedag (Ot.prp. nr. 2 (1987–88) s. 114)",
            .sv: ", flyttas inte trots att den inte är en bankdag (Ot.prp. nr. 2 (1987–88) s. 114)",
        ],
        "; it is not a business day, so payment on the next one still counts and nothing follows before {1}": [
            .nb: "; det er ikke en virkedag, så betaling neste virkedag er fortsatt i tide, og ingenting mer skjer før {1}",
            .sv: "; det är inte en bankdag, så betalning nästa bankdag räknas fortfarande som i tid och inget mer sker före {1}",
        ],
        "{1} is not a business day: nothing goes out before {2}": [
            .nb: "{1} er ikke en virkedag: ingenting sendes før {2}",
            .sv: "{1} är inte en bankdag: inget skickas före {2}",
        ],
        "every step of the ladder '{1}' is taken: nothing more is planned": [
            .nb: "alle steg i purreløpet '{1}' er utført: ingenting mer er planlagt",
            .sv: "alla steg i påminnelseflödet '{1}' är genomförda: inget mer är planerat",
        ],
        "'{1}' counts from the previous notice's deadline, but no notice so far gave one": [
            .nb: "'{1}' regnes fra fristen i forrige varsel, men ingen varsler så langt har gitt en frist",
            .sv: "'{1}' räknas från fristen i föregående meddelande, men inget meddelande hittills har angett någon",
        ],
        "call task on {1}, {2} days before the {3}, for an open amount of {4}": [
            .nb: "ringeoppgave den {1}, {2} dager før neste {3}, for et åpent beløp på {4}",
            .sv: "samtalsuppgift den {1}, {2} dagar före nästa {3}, för ett öppet belopp på {4}",
        ],
        "next step '{1}' ({2}) on {3}": [.nb: "neste steg '{1}' ({2}) den {3}", .sv: "nästa steg '{1}' ({2}) den {3}"],
        "a {1} may go out only after the due date {2}: not before {3}": [
            .nb: "{1}: kan først sendes etter forfallsdatoen {2}, ikke før {3}",
            .sv: "{1}: får skickas först efter förfallodagen {2}, inte före {3}",
        ],
    ]
}
