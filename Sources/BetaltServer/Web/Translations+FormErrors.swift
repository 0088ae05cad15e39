import BetaltCore

extension Translations {
    /// What a refused form says next to its field (`FieldError`); `{1}`, `{2}` stand for its arguments.
    static let formErrors: [String: [Language: String]] = [
        "formError.amount": [
            .nb: "«{1}» er ikke et beløp (skriv for eksempel 1 234,50).",
            .sv: "”{1}” är inget belopp (skriv till exempel 1 234,50).",
            .en: "The amount '{1}' is not an amount.",
        ],
        "formError.date": [
            .nb: "«{1}» er ikke en dato (ÅÅÅÅ-MM-DD).", .sv: "”{1}” är inget datum (ÅÅÅÅ-MM-DD).",
            .en: "'{1}' is not a date (YYYY-MM-DD).",
        ],
        "formError.count": [
            .nb: "«{1}» er ikke et helt tall.", .sv: "”{1}” är inget heltal.", .en: "'{1}' is not a whole number.",
        ],
        "formError.noEmailAddress": [
            .nb: "Kunden har ingen e-postadresse å sende varsler til.", .sv: "Kunden har ingen e-postadress att skicka aviseringar till.",
            .en: "The customer has no e-mail address to send notices to.",
        ],
        "formError.consentBasisMissing": [
            .nb: "Skriv hva samtykket bygger på, for eksempel «godtatt i ordreskjema 01.03.2026».",
            .sv: "Skriv vad samtycket grundar sig på, till exempel ”godkänt i orderformulär 2026-03-01”.",
            .en: "Say what the consent rests on, for example 'accepted in the order form of 1 March 2026'.",
        ],
        "formError.nameMissing": [.nb: "Kunden må ha et navn.", .sv: "Kunden måste ha ett namn.", .en: "The customer needs a name."],
        "formError.emailInvalid": [
            .nb: "«{1}» er ikke én e-postadresse (navn@domene.no).", .sv: "”{1}” är inte en e-postadress (namn@domän.se).",
            .en: "'{1}' is not one e-mail address (name@domain.com).",
        ],
        "formError.organisationNumberNorway": [
            .nb: "«{1}» er ikke et gyldig norsk organisasjonsnummer (ni sifre, det siste et kontrollsiffer).",
            .sv: "”{1}” är inget giltigt norskt organisationsnummer (nio siffror, den sista en kontrollsiffra).",
            .en: "'{1}' is not a valid Norwegian organisation number (nine digits, the last a check digit).",
        ],
        "formError.organisationNumberSweden": [
            .nb: "«{1}» er ikke et gyldig svensk organisasjonsnummer (ti sifre, det siste et kontrollsiffer).",
            .sv: "”{1}” är inget giltigt svenskt organisationsnummer (tio siffror, den sista en kontrollsiffra).",
            .en: "'{1}' is not a valid Swedish organisation number (ten digits, the last a check digit).",
        ],
        "formError.organisationNumberSwedenOrSoleTrader": [
            .nb: "«{1}» er ikke et gyldig svensk organisasjonsnummer (ti sifre, det siste et kontrollsiffer) eller, for et enkeltpersonforetak, personnummer.",
            .sv: "”{1}” är inget giltigt svenskt organisationsnummer (tio siffror, den sista en kontrollsiffra) eller, för en enskild näringsidkare, personnummer.",
            .en: "'{1}' is not a valid Swedish organisation number (ten digits, the last a check digit) or, for a sole trader, personnummer.",
        ],
        "formError.nationalIdentityNumberNorway": [
            .nb: "Ikke et gyldig norsk fødselsnummer eller D-nummer (elleve sifre) for en kunde i Norge. Skriv inn kundens nummer, eller fjern det registrerte.",
            .sv: "Inget giltigt norskt fødselsnummer eller D-nummer (elva siffror) för en kund i Norge. Skriv kundens nummer, eller ta bort det registrerade.",
            .en: "Not a valid Norwegian fødselsnummer or D-nummer (eleven digits) for a customer in Norway. Type the customer's number, or remove the one on file.",
        ],
        "formError.nationalIdentityNumberOfBusiness": [
            .nb: "En bedrift med organisasjonsnummer har ikke fødselsnummer: et inkassobyrå skal ikke få en persons nummer for et selskap.",
            .sv: "Ett företag med organisationsnummer har inget personnummer: ett inkassobolag ska inte få en persons nummer för ett bolag.",
            .en: "A business with an organisation number has no national identity number: an agency must not be given a person's number for a company.",
        ],
        "formError.nationalIdentityNumberTaken": [
            .nb: "Nummeret er allerede registrert på kunde {1}. Er det samme person, bruk den kunden.",
            .sv: "Numret är redan registrerat på kund {1}. Är det samma person, använd den kunden.",
            .en: "The number is already kept for customer {1}. If it is the same person, use that customer.",
        ],
        "formError.nationalIdentityNumberSweden": [
            .nb: "Ikke et gyldig svensk personnummer eller samordningsnummer (ÅÅMMDD-NNNN) for en kunde i Sverige. Skriv inn kundens nummer, eller fjern det registrerte.",
            .sv: "Inget giltigt svenskt personnummer eller samordningsnummer (ÅÅMMDD-NNNN) för en kund i Sverige. Skriv kundens nummer, eller ta bort det registrerade.",
            .en: "Not a valid Swedish personnummer or samordningsnummer (YYMMDD-NNNN) for a customer in Sweden. Type the customer's number, or remove the one on file.",
        ],
        "formError.postalCodeNorway": [
            .nb: "«{1}» er ikke et norsk postnummer (fire sifre).", .sv: "”{1}” är inget norskt postnummer (fyra siffror).",
            .en: "'{1}' is not a Norwegian postal code (four digits).",
        ],
        "formError.postalCodeSweden": [
            .nb: "«{1}» er ikke et svensk postnummer (fem sifre).", .sv: "”{1}” är inget svenskt postnummer (fem siffror).",
            .en: "'{1}' is not a Swedish postal code (five digits).",
        ],
        "formError.countryInvalid": [
            .nb: "«{1}» er ikke en landkode (to bokstaver, som NO eller SE).", .sv: "”{1}” är ingen landskod (två bokstäver, som SE eller NO).",
            .en: "'{1}' is not a country code (two letters, such as NO or SE).",
        ],
        "formError.addressIncomplete": [
            .nb: "En adresse trenger gate, postnummer og poststed (eller ingen av dem).",
            .sv: "En adress behöver gata, postnummer och postort (eller ingen av dem).",
            .en: "An address needs the street, the postal code and the city (or none of them).",
        ],
        "formError.notOneLine": [
            .nb: "Skriv dette på én linje.", .sv: "Skriv detta på en rad.", .en: "Write this on one line.",
        ],
        "formError.tooLong": [.nb: "Høyst {1} tegn.", .sv: "Högst {1} tecken.", .en: "At most {1} characters."],
        "formError.claimNotFound": [.nb: "Kravet finnes ikke.", .sv: "Fordran finns inte.", .en: "No such claim."],
        "formError.claimPaid": [.nb: "Kravet er betalt.", .sv: "Fordran är betald.", .en: "The claim is paid."],
        "formError.alreadyPromised": [
            .nb: "Kravet har allerede et åpent betalingsløfte, med betaling innen {1}.",
            .sv: "Fordran har redan ett öppet betalningslöfte, med betalning senast {1}.",
            .en: "A promise to pay by {1} is already open for this claim.",
        ],
        "formError.dateNotAhead": [.nb: "Datoen må være etter i dag.", .sv: "Datumet måste vara efter i dag.", .en: "The date must be after today."],
        "formError.amountOutOfRange": [
            .nb: "Beløpet må være over null og høyst det som er åpent, {1}.",
            .sv: "Beloppet måste vara över noll och högst det som är obetalt, {1}.",
            .en: "The amount must be more than zero and at most the open {1}.",
        ],
        "formError.wholeAmountNeedsReason": [
            .nb: "Å utsette hele beløpet krever en begrunnelse; vanligvis betales en del nå.",
            .sv: "Att skjuta upp hela beloppet kräver en motivering; vanligtvis betalas en del nu.",
            .en: "Deferring the whole amount needs a reason; a part now is the norm.",
        ],
        "formError.debtorTooManyToday": [
            .nb: "Vi har fått mye fra deg i dag og svarer så snart vi kan. Prøv igjen i morgen, eller ta kontakt på telefon eller e-post.",
            .sv: "Vi har fått mycket från dig i dag och svarar så snart vi kan. Försök igen i morgon, eller kontakta oss per telefon eller e-post.",
            .en: "We have received a lot from you today and will answer as soon as we can. Try again tomorrow, or contact us by phone or e-mail.",
        ],
        "formError.writeOffWithAgency": [
            .nb: "Kravet er hos et inkassoselskap: kall saken tilbake før det skrives av.",
            .sv: "Fordran ligger hos ett inkassobolag: återkalla ärendet innan den skrivs av.",
            .en: "An agency holds the claim: recall the case before writing it off.",
        ],
        "formError.writeOffReasonMissing": [
            .nb: "Skriv hvorfor kravet skrives av.", .sv: "Skriv varför fordran skrivs av.", .en: "Say why the claim is written off.",
        ],
        "formError.currenciesDiffer": [
            .nb: "Ett betalingsløfte gjelder ett beløp: fakturaene må være i samme valuta.",
            .sv: "Ett betalningslöfte gäller ett belopp: fakturorna måste vara i samma valuta.",
            .en: "One promise is one amount: the invoices must be in one currency.",
        ],
        "formError.withAgency": [
            .nb: "Kravet er hos et inkassoselskap: avtal dato med dem, eller kall saken tilbake først.",
            .sv: "Fordran ligger hos ett inkassobolag: kom överens om datum med dem, eller återkalla ärendet först.",
            .en: "An agency holds the claim: agree a date with the agency, or recall the case first.",
        ],
        "formError.nothingToDispute": [
            .nb: "Kravet er betalt: det er ingenting igjen å bestride.", .sv: "Fordran är betald: det finns inget kvar att bestrida.",
            .en: "The claim is paid: there is nothing left to dispute.",
        ],
        "formError.disputedAmountOutOfRange": [
            .nb: "Det bestridte beløpet må være over null og høyst det som er åpent, {1}.",
            .sv: "Det bestridda beloppet måste vara över noll och högst det som är obetalt, {1}.",
            .en: "The disputed amount must be more than zero and at most the open {1}.",
        ],
        "formError.disputeDecided": [
            .nb: "Innsigelsen er allerede avgjort.", .sv: "Invändningen är redan avgjord.", .en: "The dispute has already been decided.",
        ],
        "formError.rejectionNeedsExplanation": [
            .nb: "En avvist innsigelse trenger en forklaring til kunden.", .sv: "En avvisad invändning behöver en förklaring till kunden.",
            .en: "A rejected dispute needs an explanation for the debtor.",
        ],
        "formError.tooManyFiles": [
            .nb: "Høyst {1} filer kan legges ved.", .sv: "Högst {1} filer kan bifogas.", .en: "At most {1} files may be attached.",
        ],
        "formError.fileTooLarge": [
            .nb: "Filen «{1}» er større enn 10 MB.", .sv: "Filen ”{1}” är större än 10 MB.", .en: "The file '{1}' is larger than 10 MB.",
        ],
        "formError.fileType": [
            .nb: "Filen «{1}» er ikke en PDF, JPEG eller PNG.", .sv: "Filen ”{1}” är inte en PDF, JPEG eller PNG.",
            .en: "The file '{1}' is not a PDF, JPEG or PNG.",
        ],
        "formError.noFile": [.nb: "Velg en fil å legge ved.", .sv: "Välj en fil att bifoga.", .en: "Choose a file to attach."],
        "formError.callDateNotAhead": [
            .nb: "Samtalen må planlegges i dag eller senere.", .sv: "Samtalet måste planeras i dag eller senare.",
            .en: "The call date must be today or later.",
        ],
        "formError.noteEmpty": [.nb: "Skriv notatet først.", .sv: "Skriv anteckningen först.", .en: "Write the note first."],
        "formError.noOriginal": [
            .nb: "Velg fakturaens PDF eller en skannet kopi.", .sv: "Välj fakturans PDF eller en inskannad kopia.",
            .en: "Choose the invoice's PDF or a scan of it.",
        ],
    ]
}
