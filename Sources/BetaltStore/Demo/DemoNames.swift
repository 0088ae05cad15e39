/// Made-up names and places for the demo ledger, per country.
enum DemoNames {
    static let norwegianFirstNames = [
        "Kari", "Ola", "Ingrid", "Per", "Solveig", "Lars", "Anne", "Knut", "Sigrid", "Bjørn", "Marit", "Håkon",
        "Åse", "Eirik", "Liv", "Tor", "Ragnhild", "Øystein", "Tone", "Geir",
    ]
    static let norwegianLastNames = [
        "Nordmann", "Hansen", "Johansen", "Olsen", "Larsen", "Andersen", "Pedersen", "Nilsen", "Kristiansen",
        "Berg", "Haugen", "Dahl", "Lie", "Bakken", "Strand", "Sæther", "Økland", "Aasen",
    ]
    static let norwegianCompanyWords = [
        "Fjordlys", "Nordlys", "Bergtind", "Havbris", "Skogstjerne", "Vidde", "Fossekall", "Isbre", "Lyngheia",
        "Kystlinje", "Moltebær", "Sølvberg",
    ]
    static let norwegianCompanyTrades = ["Bygg", "Regnskap", "Transport", "Elektro", "Eiendom", "Catering", "Design", "Maskin"]
    static let norwegianStreets = [
        "Storgata", "Kirkeveien", "Skolegata", "Fjordveien", "Bjørkeveien", "Havnegata", "Løkkeveien", "Åsveien",
    ]
    static let norwegianPlaces: [(String, String)] = [
        ("0150", "Oslo"), ("5003", "Bergen"), ("7010", "Trondheim"), ("4006", "Stavanger"), ("9008", "Tromsø"),
        ("3015", "Drammen"), ("4608", "Kristiansand"), ("2317", "Hamar"), ("6002", "Ålesund"), ("8006", "Bodø"),
    ]

    static let swedishFirstNames = [
        "Anna", "Erik", "Maria", "Lars", "Karin", "Johan", "Eva", "Anders", "Sofia", "Mikael", "Åsa", "Björn",
        "Linnéa", "Göran", "Märta", "Nils", "Ingrid", "Oskar", "Elin", "Pär",
    ]
    static let swedishLastNames = [
        "Andersson", "Johansson", "Karlsson", "Nilsson", "Eriksson", "Larsson", "Olsson", "Persson", "Svensson",
        "Gustafsson", "Lindqvist", "Åberg", "Öberg", "Sjöberg", "Hägglund", "Lindström",
    ]
    static let swedishCompanyWords = [
        "Svea", "Norrsken", "Granskog", "Älvdal", "Fjällbris", "Skärgård", "Mälarljus", "Björkhagen", "Lövholm",
        "Sjöstjärna", "Hjortron", "Silverberg",
    ]
    static let swedishCompanyTrades = ["Bygg", "Redovisning", "Transport", "El", "Fastigheter", "Kök", "Design", "Maskin"]
    static let swedishStreets = [
        "Storgatan", "Kyrkogatan", "Skolgatan", "Sjövägen", "Björkvägen", "Hamngatan", "Drottninggatan", "Åsvägen",
    ]
    static let swedishPlaces: [(String, String)] = [
        ("111 20", "Stockholm"), ("411 01", "Göteborg"), ("211 20", "Malmö"), ("753 20", "Uppsala"),
        ("581 83", "Linköping"), ("702 10", "Örebro"), ("901 84", "Umeå"), ("722 12", "Västerås"),
        ("352 30", "Växjö"), ("971 86", "Luleå"),
    ]
}
