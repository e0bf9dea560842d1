# language: fi
Ominaisuus: Organisaatiomuutoksen vaikutukset Kanta-palveluiden liittymisiin
  In English: an organisation that changes (seed 004) first maps the impact of the change on its Kanta joinings.
  Then seven tracks run side by side, each on its own time from the change date and none waiting for another:
  in a merger, the parties agree which customership continues (only the termination at the end reads it; the new
  registrar of the moved documents can not say its own ends, and a joiner that stops can not say it continues); the
  joining with a new business ID (a new business ID
  (Y-tunnus) joins Kanta again with it, "Join Kanta with the new business ID" calls "Kanta joining"); the other
  new joiners' joinings (every other new joiner joins with its own business ID and name; each joining is the new
  joiner's own work, done under its own Y-tunnus); the Prescription service, for an organisation that uses it
  (once accepted as the service's user it may verify the service's production readiness, which is optional (seed
  004); beside that a deployment test is run when the provider records a new system's first deployment or that
  Kela has asked for one (seed 004; no step waits for Kela to say so), reported within two days of the test); the prescription renewal requests (the new receivers are notified
  to THL's code service with a copy to Kanta; when receiving units end their activity, or a joiner stops using
  Kanta, the organisation may have their receiver mark removed a day or two before the change; every request
  already addressed is handled); changed technical access points, announced at the latest two weeks before the
  change (seed 003) by the customer (its own access point's OID, IP addresses and DNS name, its server
  certificates obtained) or by its Kanta intermediary for all its customers (a new access point of the
  intermediary's is announced to Kanta first), a late notice warned of; and, when Patient Data Repository
  documents move to another registrar, the registrar change: scheduled with the nearest partners around Kela's
  batch dates, then side by side the deployment test before the change (strongly recommended: skipped only with
  a reason; earlier test data may be used in it, not instead of it) with its report, the registrar change notice
  and Kela's batch that updates the documents' active registrar, and the system vendor's matching local change
  for the batch date; a test before the change still not run as the day before Kela's batch begins is warned of
  while it can still be run (a test on the batch day is no test before the change); once Kela's batch and the
  vendor's local change are done, without waiting for the test before the change, side by side a deployment test
  after the change (can not be skipped when the organisation joins again with a new business ID, as a new joiner, and is its own work under that ID, run once that joining is done too and reported by it; when the joining's own Patient Data Repository test was run after the batch day, that is the new joiner's test and none is asked twice; the other new joiners test in their own joinings), the new registrar's changes to the documents moved to it
  (where the organisation is itself the new registrar; otherwise they are the other organisation's), and the
  vendor's duty that its system sends no active registrar; every passed test reported to Kela within two days of
  the test (otherwise Kela reminds). A joiner that stops, or whose customership ends in the merger, files the
  termination notice and Kela closes its technical connections. An independent practitioner's documents can not
  move to another registrar.

  Organisaatio kartoittaa ensin, miten muutos vaikuttaa sen liittymisiin Kanta-palveluihin. Sen jälkeen seitsemän
  tehtäväketjua etenee rinnakkain, kukin muutospäivästä laskien eikä yksikään odota toista. Sulautuminen:
  sovitaan, kumman toimijan Kanta-asiakkuus jatkuu; vastausta tarvitaan vasta lopun irtisanomisessa. Uusi
  rekisterinpitäjä ei voi sopia oman asiakkuutensa päättyvän, eikä käytön lopettava liittyjä sen jatkuvan. Liittyminen uudella Y-tunnuksella: uusi Y-tunnus
  tarkoittaa, että Kantaan liitytään uudelleen uudella Y-tunnuksella. Muiden uusien liittyjien liittymiset:
  jokainen muu uusi liittyjä liittyy omalla Y-tunnuksellaan ja nimellään; liittymisen tekee uusi liittyjä itse.
  Resepti-palvelu, jos organisaatio käyttää sitä: palvelun käyttäjäksi hyväksytty organisaatio voi varmistaa
  Resepti-palvelun tuotantovalmiuden; se on vapaaehtoista (lähde 004). Sen rinnalla Resepti-palvelun
  käyttöönottokoe tehdään, kun palvelunantaja kirjaa uuden järjestelmän ensimmäisen käyttöönoton tai Kelan
  pyytäneen koetta (lähde 004; mikään vaihe ei odota Kelan kantaa); onnistuneesta kokeesta raportoidaan Kelaan kahden päivän kuluessa kokeen päivästä.
  Reseptien uusimispyynnöt: uudet vastaanottajat ilmoitetaan THL:n koodistopalveluun (kopio Kantaan); jos
  vastaanottavien yksiköiden toiminta päättyy tai liittyjä lopettaa Kanta-palvelujen käytön, organisaatio voi
  poistattaa niiden vastaanottomerkinnän päivää tai kahta ennen muutosta; jo kohdistetut uusimispyynnöt
  käsitellään. Liityntäpisteiden muutoksesta tekee muutosilmoituksen viimeistään kaksi viikkoa ennen muutosta
  asiakas tai Kanta-välittäjä kaikkien asiakkaidensa puolesta (välittäjän uusi liityntäpiste ilmoitetaan ensin
  Kanta-palveluun); myöhästymisestä varoitetaan. Kun Potilastietovarannon asiakirjat siirtyvät toiselle
  rekisterinpitäjälle, muutos ajoitetaan läheisimpien yhteistyökumppanien kanssa Kelan
  rekisterinpitäjämuutosajojen mukaan, ja sen jälkeen rinnakkain etenevät käyttöönottokoe ennen muutosta
  (vahvasti suositeltava: sen voi jättää tekemättä vain perustellen; aiemmissa kokeissa syntyneitä tietoja voi
  hyödyntää kokeessa, ei sen sijaan) raportteineen, rekisterinpitäjän muutosilmoitus ja Kelan muutosajo, joka
  päivittää asiakirjojen aktiivin rekisterinpitäjän, sekä järjestelmätoimittajan vastaava paikallinen muutos
  valittuna muutosajopäivänä. Jos koetta ennen muutosta ei ole tehty muutosajoa edeltävän päivän alkaessa,
  palvelunantajaa varoitetaan, kun koe vielä ehditään tehdä (muutosajon päivänä tehty koe ei ole koe ennen
  muutosta). Kun muutosajo ja paikallinen muutos on tehty, rinnakkain ja koetta ennen muutosta odottamatta
  käyttöönottokoe tehdään muutoksen jälkeen (uudella Y-tunnuksella uudelleen liittyvä organisaatio tekee sen joka tapauksessa, uudella Y-tunnuksellaan, kun myös sen liittyminen on tehty, ja raportoi sen itse; jos liittymisen oma Potilastietovarannon koe tehtiin muutosajon päivän jälkeen, se on uuden liittyjän koe, eikä koetta kysytä toiste; muut uudet liittyjät tekevät kokeensa omassa liittymisessään), uusi rekisterinpitäjä
  hoitaa siihen siirrettyjen asiakirjojen muutokset (kun muutoksen tekevä organisaatio on itse uusi
  rekisterinpitäjä; muuten ne ovat toisen organisaation tehtävä), ja järjestelmätoimittaja varmistaa, ettei
  potilastietojärjestelmä lähetä aktiivi rekisterinpitäjä -tietoa; jokaisesta onnistuneesta kokeesta
  raportoidaan Kelaan kahden päivän kuluessa kokeesta. Itsenäisen ammatinharjoittajan asiakirjoja ei voi siirtää
  toiselle rekisterinpitäjälle. Lopettava liittyjä tekee irtisanomisilmoituksen, ja Kela sulkee sen tekniset
  yhteydet.

  Tapausaihio: Vaikutusten kartoitus ohjaa muutoksen ensimmäiseen Kanta-vaiheeseen (<muutos>)
    Oletetaan palvelunantajan aloittaneen prosessin "Organisaatiomuutos" Y-tunnukselle <y_tunnus>
    Ja avoinna on vain tehtävä "Kartoita vaikutukset Kanta-palveluiden liittymisiin", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Kartoita vaikutukset Kanta-palveluiden liittymisiin" tiedoilla:
      | business_id                        | <y_tunnus>               |
      | organisation_name                  | Terveyspalvelu Lehto Oy  |
      | change_date                        | tänään + 30 päivää       |
      | joiner_oid                         | 1.2.246.10.24682010.10.0 |
      | registrar_oid                      | 1.2.246.10.24682010.10.0 |
      | new_business_id                    | ei                       |
      | new_joiners                        | ei                       |
      | merger                             | <sulautuminen>           |
      | documents_move_registrar           | <rekisterinpitaja>       |
      | new_registrar_oid                  | 1.2.246.10.15728600.10.0 |
      | new_registrar_is_this_organisation | ei                       |
      | is_independent_practitioner        | ei                       |
      | access_point_changes               | <liityntapiste>          |
      | access_point_change_date           | tänään + 30 päivää       |
      | access_point_filed_by              | <ilmoittaja>             |
      | renewal_routing_changes            | ei                       |
      | joiner_stops                       | <lopettaa>               |
      | receiver_mark_removal              | ei                       |
      | prescription_readiness             | ei                       |
      | prescription_service_in_use        | ei                       |
      | vendor_business_id                 | 2345678-0                |
      | intermediary_business_id           | 2938470-6                |
    Niin <seuraavaksi>
    Ja viestejä ei odoteta

    Tapaukset:
      | muutos                                        | y_tunnus  | sulautuminen | rekisterinpitaja | liityntapiste | ilmoittaja   | lopettaa | seuraavaksi                                                                                                    |
      | ei vaikutuksia Kanta-palveluiden liittymisiin | 2468201-8 | ei           | ei               | ei            | customer     | ei       | prosessi on päättynyt tapahtumaan "Organisaatiomuutos tehty"                                                   |
      | sulautuminen                                  | 2468202-6 | kyllä        | ei               | ei            | customer     | ei       | avoinna on vain tehtävä "Sovi, kumman asiakkuus jatkuu", jonka tekee palvelunantaja                            |
      | asiakkaan oma liityntäpiste muuttuu           | 2468203-4 | ei           | ei               | kyllä         | customer     | ei       | avoinna on vain tehtävä "Tee liityntäpisteen muutosilmoitus", jonka tekee palvelunantaja                       |
      | Kanta-välittäjän liityntäpiste muuttuu        | 2468222-9 | ei           | ei               | kyllä         | intermediary | ei       | avoinna on vain tehtävä "Tee liityntäpisteen muutosilmoitus asiakkaiden puolesta", jonka tekee Kanta-välittäjä |
      | rekisterinpitäjä vaihtuu                      | 2468204-2 | ei           | kyllä            | ei            | customer     | ei       | avoinna on vain tehtävä "Ajoita rekisterinpitäjämuutos Kelan muutosajojen mukaan", jonka tekee palvelunantaja  |
      | liittyjä lopettaa Kannan käytön               | 2468205-0 | ei           | ei               | ei            | customer     | kyllä    | avoinna on vain tehtävä "Käsittele kohdistetut uusimispyynnöt", jonka tekee palvelunantaja                     |

  Tapaus: Resepti-palvelua käyttävä organisaatio voi muutoksessa varmistaa Resepti-palvelun teknisen tuotantovalmiuden, mutta se on vapaaehtoista; organisaatiolle, joka ei käytä Resepti-palvelua, varmistusta ei tarjota
    Oletetaan palvelunantajan aloittaneen prosessin "Organisaatiomuutos" Y-tunnukselle 2468225-3
    Ja avoinna on vain tehtävä "Kartoita vaikutukset Kanta-palveluiden liittymisiin", jonka tekee palvelunantaja
    Kun palvelunantaja yrittää tehdä tehtävän "Kartoita vaikutukset Kanta-palveluiden liittymisiin" tiedoilla:
      | business_id                 | 2468225-3                |
      | organisation_name           | Lääkäriasema Verso Oy    |
      | change_date                 | tänään + 30 päivää       |
      | joiner_oid                  | 1.2.246.10.24682253.10.0 |
      | registrar_oid               | 1.2.246.10.24682253.10.0 |
      | new_business_id             | ei                       |
      | new_joiners                 | ei                       |
      | merger                      | ei                       |
      | documents_move_registrar    | ei                       |
      | is_independent_practitioner | ei                       |
      | access_point_changes        | ei                       |
      | renewal_routing_changes     | ei                       |
      | joiner_stops                | ei                       |
      | prescription_readiness      | kyllä                    |
      | prescription_service_in_use | ei                       |
      | vendor_business_id          | 2345678-0                |
    Niin lomake hylätään kentän "prescription_readiness" kohdalta
    Ja avoinna on vain tehtävä "Kartoita vaikutukset Kanta-palveluiden liittymisiin", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Kartoita vaikutukset Kanta-palveluiden liittymisiin" tiedoilla:
      | business_id                 | 2468225-3                |
      | organisation_name           | Lääkäriasema Verso Oy    |
      | change_date                 | tänään + 30 päivää       |
      | joiner_oid                  | 1.2.246.10.24682253.10.0 |
      | registrar_oid               | 1.2.246.10.24682253.10.0 |
      | new_business_id             | ei                       |
      | new_joiners                 | ei                       |
      | merger                      | ei                       |
      | documents_move_registrar    | ei                       |
      | is_independent_practitioner | ei                       |
      | access_point_changes        | ei                       |
      | renewal_routing_changes     | ei                       |
      | joiner_stops                | ei                       |
      | prescription_readiness      | kyllä                    |
      | prescription_service_in_use | kyllä                    |
      | deployment_check            | none                     |
      | vendor_business_id          | 2345678-0                |
    Niin avoinna on vain tehtävä "Varmista Resepti-palvelun tuotantovalmius", jonka tekee palvelunantaja
    Kun palvelunantaja yrittää tehdä tehtävän "Varmista Resepti-palvelun tuotantovalmius" tiedoilla:
      | verified_on                | tänään |
      | cases_like_deployment_test | ei     |
    Niin lomake hylätään kentän "cases_like_deployment_test" kohdalta
    Ja avoinna on vain tehtävä "Varmista Resepti-palvelun tuotantovalmius", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Varmista Resepti-palvelun tuotantovalmius" tiedoilla:
      | verified_on                | tänään                                  |
      | cases_like_deployment_test | kyllä                                   |
      | note                       | Uusi reseptimoduuli, testitapaukset 1–4 |
    Niin prosessi on päättynyt tapahtumaan "Organisaatiomuutos tehty"
    Ja vaihetta "Tee Resepti-palvelun käyttöönottokoe" ei ole tehty
    Ja avoimia tehtäviä ei ole

  Tapaus: Kun muutoksessa otetaan Resepti-palvelussa käyttöön uusi järjestelmä ensimmäistä kertaa, Resepti-palvelun käyttöönottokoe tehdään Kelan pyyntöä odottamatta, ja tuotantovalmiuden varmistus etenee sen rinnalla
    Oletetaan palvelunantajan aloittaneen prosessin "Organisaatiomuutos" Y-tunnukselle 2468244-8
    Ja avoinna on vain tehtävä "Kartoita vaikutukset Kanta-palveluiden liittymisiin", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Kartoita vaikutukset Kanta-palveluiden liittymisiin" tiedoilla:
      | business_id                 | 2468244-8                                      |
      | organisation_name           | Lääkäriasema Uusikuu Oy                        |
      | change_date                 | tänään + 30 päivää                             |
      | joiner_oid                  | 1.2.246.10.24682448.10.0                       |
      | registrar_oid               | 1.2.246.10.24682448.10.0                       |
      | new_business_id             | ei                                             |
      | new_joiners                 | ei                                             |
      | merger                      | ei                                             |
      | documents_move_registrar    | ei                                             |
      | is_independent_practitioner | ei                                             |
      | access_point_changes        | ei                                             |
      | renewal_routing_changes     | ei                                             |
      | joiner_stops                | ei                                             |
      | prescription_readiness      | kyllä                                          |
      | prescription_service_in_use | kyllä                                          |
      | deployment_check            | deployment_test_first_deployment_of_new_system |
      | vendor_business_id          | 2345678-0                                      |
    Niin avoimina ovat tehtävät:
      | osapuoli       | tehtävä                                   |
      | palvelunantaja | Tee Resepti-palvelun käyttöönottokoe      |
      | palvelunantaja | Varmista Resepti-palvelun tuotantovalmius |
    Kun palvelunantaja tekee tehtävän "Tee Resepti-palvelun käyttöönottokoe" tiedoilla:
      | prescription_test_date    | tänään |
      | prescription_test_result  | passed |
      | kela_test_person_ids_used | kyllä  |
    Niin avoimina ovat tehtävät:
      | osapuoli       | tehtävä                                          |
      | palvelunantaja | Raportoi Resepti-palvelun käyttöönottokoe Kelaan |
      | palvelunantaja | Varmista Resepti-palvelun tuotantovalmius        |
    Ja ajastin "Resepti-palvelun kokeen raportti myöhässä" laukeaa 3 päivän kuluttua
    Kun palvelunantaja tekee tehtävän "Raportoi Resepti-palvelun käyttöönottokoe Kelaan" tiedoilla:
      | report_date         | tänään |
      | report_sent_to_kela | kyllä  |
    Niin avoinna on vain tehtävä "Varmista Resepti-palvelun tuotantovalmius", jonka tekee palvelunantaja
    Ja ajastimia ei ole
    Kun palvelunantaja tekee tehtävän "Varmista Resepti-palvelun tuotantovalmius" tiedoilla:
      | verified_on                | tänään                          |
      | cases_like_deployment_test | kyllä                           |
      | note                       | Uusi järjestelmä, tapaukset 1–6 |
    Niin prosessi on päättynyt tapahtumaan "Organisaatiomuutos tehty"
    Ja avoimia tehtäviä ei ole

  Tapaus: Kun muutoksessa ei oteta käyttöön uutta järjestelmää, Resepti-palvelun käyttöönottokoe tehdään Kelan pyynnöstä; epäonnistunut koe korjataan ja tehdään uudelleen, ja onnistuneesta raportoidaan Kelaan kahden päivän kuluessa kokeen päivästä, muuten Kela muistuttaa
    Oletetaan palvelunantajan aloittaneen prosessin "Organisaatiomuutos" Y-tunnukselle 2468241-3
    Ja avoinna on vain tehtävä "Kartoita vaikutukset Kanta-palveluiden liittymisiin", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Kartoita vaikutukset Kanta-palveluiden liittymisiin" tiedoilla:
      | business_id                 | 2468241-3                         |
      | organisation_name           | Apteekkiklinikka Otava Oy         |
      | change_date                 | tänään + 30 päivää                |
      | joiner_oid                  | 1.2.246.10.24682413.10.0          |
      | registrar_oid               | 1.2.246.10.24682413.10.0          |
      | new_business_id             | ei                                |
      | new_joiners                 | ei                                |
      | merger                      | ei                                |
      | documents_move_registrar    | ei                                |
      | is_independent_practitioner | ei                                |
      | access_point_changes        | ei                                |
      | renewal_routing_changes     | ei                                |
      | joiner_stops                | ei                                |
      | prescription_readiness      | ei                                |
      | prescription_service_in_use | kyllä                             |
      | deployment_check            | deployment_test_requested_by_kela |
      | vendor_business_id          | 2345678-0                         |
    Niin avoinna on vain tehtävä "Tee Resepti-palvelun käyttöönottokoe", jonka tekee palvelunantaja
    Kun palvelunantaja yrittää tehdä tehtävän "Tee Resepti-palvelun käyttöönottokoe" tiedoilla:
      | prescription_test_date    | tänään |
      | prescription_test_result  | passed |
      | kela_test_person_ids_used | ei     |
    Niin lomake hylätään kentän "kela_test_person_ids_used" kohdalta
    Ja avoinna on vain tehtävä "Tee Resepti-palvelun käyttöönottokoe", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Tee Resepti-palvelun käyttöönottokoe" tiedoilla:
      | prescription_test_date    | tänään - 2 päivää |
      | prescription_test_result  | failed            |
      | kela_test_person_ids_used | kyllä             |
    Niin avoinna on vain tehtävä "Korjaa Resepti-palvelun käyttöönottokokeen virhe", jonka tekee järjestelmätoimittaja
    Ja ajastimia ei ole
    Kun järjestelmätoimittaja tekee tehtävän "Korjaa Resepti-palvelun käyttöönottokokeen virhe" tiedoilla:
      | fault    | Uusimispyynnön vastaanottajan OID puuttui sanomasta |
      | fixed_on | tänään - 1 päivää                                   |
    Niin avoinna on vain tehtävä "Tee Resepti-palvelun käyttöönottokoe", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Tee Resepti-palvelun käyttöönottokoe" tiedoilla:
      | prescription_test_date    | tänään - 1 päivää |
      | prescription_test_result  | passed            |
      | kela_test_person_ids_used | kyllä             |
    Niin avoinna on vain tehtävä "Raportoi Resepti-palvelun käyttöönottokoe Kelaan", jonka tekee palvelunantaja
    Ja ajastin "Resepti-palvelun kokeen raportti myöhässä" laukeaa 2 päivän kuluttua
    Kun aikaa on kulunut kaksi päivää
    Niin ajastin "Resepti-palvelun kokeen raportti myöhässä" on lauennut kerran
    Ja avoimina ovat tehtävät:
      | osapuoli       | tehtävä                                          |
      | palvelunantaja | Raportoi Resepti-palvelun käyttöönottokoe Kelaan |
      | Kela           | Pyydä puuttuvaa Resepti-palvelun koeraporttia    |
    Kun Kela tekee tehtävän "Pyydä puuttuvaa Resepti-palvelun koeraporttia" tiedoilla:
      | reminded_on | tänään |
      | channel     | phone  |
    Niin vaihe "Muistutus Resepti-palvelun kokeen raportista lähetetty" on tehty kerran
    Ja avoinna on vain tehtävä "Raportoi Resepti-palvelun käyttöönottokoe Kelaan", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Raportoi Resepti-palvelun käyttöönottokoe Kelaan" tiedoilla:
      | report_date         | tänään |
      | report_sent_to_kela | kyllä  |
    Niin prosessi on päättynyt tapahtumiin:
      | Muistutus Resepti-palvelun kokeen raportista lähetetty |
      | Organisaatiomuutos tehty                               |
    Ja ajastimia ei ole

  Tapaus: Kun Kela ei pyydä Resepti-palvelun käyttöönottokoetta, muutoksessa ei tehdä sitä
    Oletetaan palvelunantajan aloittaneen prosessin "Organisaatiomuutos" Y-tunnukselle 2468242-1
    Ja avoinna on vain tehtävä "Kartoita vaikutukset Kanta-palveluiden liittymisiin", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Kartoita vaikutukset Kanta-palveluiden liittymisiin" tiedoilla:
      | business_id                 | 2468242-1                |
      | organisation_name           | Lääkärikeskus Kaari Oy   |
      | change_date                 | tänään + 30 päivää       |
      | joiner_oid                  | 1.2.246.10.24682421.10.0 |
      | registrar_oid               | 1.2.246.10.24682421.10.0 |
      | new_business_id             | ei                       |
      | new_joiners                 | ei                       |
      | merger                      | ei                       |
      | documents_move_registrar    | ei                       |
      | is_independent_practitioner | ei                       |
      | access_point_changes        | ei                       |
      | renewal_routing_changes     | ei                       |
      | joiner_stops                | ei                       |
      | prescription_readiness      | ei                       |
      | prescription_service_in_use | kyllä                    |
      | deployment_check            | none                     |
      | vendor_business_id          | 2345678-0                |
    Niin prosessi on päättynyt tapahtumaan "Organisaatiomuutos tehty"
    Ja vaihetta "Tee Resepti-palvelun käyttöönottokoe" ei ole tehty
    Ja avoimia tehtäviä ei ole

  Tapaus: Uudella Y-tunnuksella jatkava organisaatio varmistaa Resepti-palvelun tuotantovalmiuden ja tekee sen käyttöönottokokeen uuden tunnuksen liittymisessä, ei organisaatiomuutoksessa vanhalla tunnuksella
    Oletetaan palvelunantajan aloittaneen prosessin "Organisaatiomuutos" Y-tunnukselle 3141596-2
    Ja avoinna on vain tehtävä "Kartoita vaikutukset Kanta-palveluiden liittymisiin", jonka tekee palvelunantaja
    Kun palvelunantaja yrittää tehdä tehtävän "Kartoita vaikutukset Kanta-palveluiden liittymisiin" tiedoilla:
      | business_id                 | 3141596-2                |
      | organisation_name           | Lääkäriasema Kaisla Oy   |
      | change_date                 | tänään + 30 päivää       |
      | joiner_oid                  | 1.2.246.10.31415962.10.0 |
      | registrar_oid               | 1.2.246.10.31415962.10.0 |
      | new_business_id             | kyllä                    |
      | new_business_id_value       | 3141597-0                |
      | new_joiners                 | ei                       |
      | merger                      | ei                       |
      | documents_move_registrar    | ei                       |
      | is_independent_practitioner | ei                       |
      | access_point_changes        | ei                       |
      | renewal_routing_changes     | ei                       |
      | joiner_stops                | ei                       |
      | prescription_readiness      | kyllä                    |
      | prescription_service_in_use | kyllä                    |
      | deployment_check            | none                     |
      | vendor_business_id          | 2345678-0                |
    Niin lomake hylätään kentän "prescription_readiness" kohdalta
    Ja avoinna on vain tehtävä "Kartoita vaikutukset Kanta-palveluiden liittymisiin", jonka tekee palvelunantaja
    Kun palvelunantaja yrittää tehdä tehtävän "Kartoita vaikutukset Kanta-palveluiden liittymisiin" tiedoilla:
      | business_id                 | 3141596-2                         |
      | organisation_name           | Lääkäriasema Kaisla Oy            |
      | change_date                 | tänään + 30 päivää                |
      | joiner_oid                  | 1.2.246.10.31415962.10.0          |
      | registrar_oid               | 1.2.246.10.31415962.10.0          |
      | new_business_id             | kyllä                             |
      | new_business_id_value       | 3141597-0                         |
      | new_joiners                 | ei                                |
      | merger                      | ei                                |
      | documents_move_registrar    | ei                                |
      | is_independent_practitioner | ei                                |
      | access_point_changes        | ei                                |
      | renewal_routing_changes     | ei                                |
      | joiner_stops                | ei                                |
      | prescription_readiness      | ei                                |
      | prescription_service_in_use | kyllä                             |
      | deployment_check            | deployment_test_requested_by_kela |
      | vendor_business_id          | 2345678-0                         |
    Niin lomake hylätään kentän "deployment_check" kohdalta
    Ja avoinna on vain tehtävä "Kartoita vaikutukset Kanta-palveluiden liittymisiin", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Kartoita vaikutukset Kanta-palveluiden liittymisiin" tiedoilla:
      | business_id                 | 3141596-2                |
      | organisation_name           | Lääkäriasema Kaisla Oy   |
      | change_date                 | tänään + 30 päivää       |
      | joiner_oid                  | 1.2.246.10.31415962.10.0 |
      | registrar_oid               | 1.2.246.10.31415962.10.0 |
      | new_business_id             | kyllä                    |
      | new_business_id_value       | 3141597-0                |
      | new_joiners                 | ei                       |
      | merger                      | ei                       |
      | documents_move_registrar    | ei                       |
      | is_independent_practitioner | ei                       |
      | access_point_changes        | ei                       |
      | renewal_routing_changes     | ei                       |
      | joiner_stops                | ei                       |
      | prescription_readiness      | ei                       |
      | prescription_service_in_use | kyllä                    |
      | deployment_check            | none                     |
      | vendor_business_id          | 2345678-0                |
    Niin avoinna on vain tehtävä "Täydennä organisaation tiedot", jonka tekee uusi liittyjä

  Tapausaihio: Vaikutusten kartoitus hylätään, kun <syy>
    Oletetaan palvelunantajan aloittaneen prosessin "Organisaatiomuutos" Y-tunnukselle <y_tunnus>
    Ja avoinna on vain tehtävä "Kartoita vaikutukset Kanta-palveluiden liittymisiin", jonka tekee palvelunantaja
    Kun palvelunantaja yrittää tehdä tehtävän "Kartoita vaikutukset Kanta-palveluiden liittymisiin" tiedoilla:
      | business_id                        | <nykyinen>               |
      | organisation_name                  | Vastaanotto Koivu        |
      | change_date                        | <muutospaiva>            |
      | joiner_oid                         | 1.2.246.10.24682069.10.0 |
      | registrar_oid                      | 1.2.246.10.24682069.10.0 |
      | new_business_id                    | kyllä                    |
      | new_business_id_value              | <uusi>                   |
      | new_joiners                        | ei                       |
      | merger                             | ei                       |
      | documents_move_registrar           | kyllä                    |
      | new_registrar_oid                  | <uusi_rekisterinpitaja>  |
      | new_registrar_is_this_organisation | kyllä                    |
      | is_independent_practitioner        | <itsenainen>             |
      | access_point_changes               | ei                       |
      | renewal_routing_changes            | ei                       |
      | joiner_stops                       | ei                       |
      | prescription_readiness             | ei                       |
      | prescription_service_in_use        | ei                       |
      | vendor_business_id                 | 2345678-0                |
    Niin lomake hylätään kentän "<kentta>" kohdalta
    Ja avoinna on vain tehtävä "Kartoita vaikutukset Kanta-palveluiden liittymisiin", jonka tekee palvelunantaja

    Tapaukset:
      | syy                                                                                    | y_tunnus  | nykyinen  | uusi      | muutospaiva        | uusi_rekisterinpitaja    | itsenainen | kentta                   |
      | itsenäisen ammatinharjoittajan asiakirjoja siirrettäisiin toiselle rekisterinpitäjälle | 2468206-9 | 2468206-9 | 1414213-0 | tänään + 30 päivää | 1.2.246.10.15728600.10.0 | kyllä      | documents_move_registrar |
      | nykyisen Y-tunnuksen tarkistusmerkki on väärä                                          | 2468207-7 | 2468207-6 | 1414213-0 | tänään + 30 päivää | 1.2.246.10.15728600.10.0 | ei         | business_id              |
      | uuden Y-tunnuksen tarkistusmerkki on väärä                                             | 2468208-5 | 2468208-5 | 1414213-1 | tänään + 30 päivää | 1.2.246.10.15728600.10.0 | ei         | new_business_id_value    |
      | uuden rekisterinpitäjän OID ei ole suomalainen (1.2.246)                               | 2468209-3 | 2468209-3 | 1414213-0 | tänään + 30 päivää | 2.16.840.1.113883.3.1    | ei         | new_registrar_oid        |
      | muutospäivä on kirjoitettu muodossa p.k.vvvv                                           | 2468210-6 | 2468210-6 | 1414213-0 | 16.3.2026          | 1.2.246.10.15728600.10.0 | ei         | change_date              |

  Tapaus: Uusi Y-tunnus: liitytään Kantaan uudelleen uudella tunnuksella omana tehtäväketjunaan sulautumisen sopimista odottamatta, ja sulautumisessa vanha asiakkuus päättyy
    Oletetaan palvelunantajan aloittaneen prosessin "Organisaatiomuutos" Y-tunnukselle 2468211-4
    Ja avoinna on vain tehtävä "Kartoita vaikutukset Kanta-palveluiden liittymisiin", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Kartoita vaikutukset Kanta-palveluiden liittymisiin" tiedoilla:
      | business_id                 | 2468211-4                |
      | organisation_name           | Fysioterapia Virta Oy    |
      | change_date                 | tänään + 30 päivää       |
      | joiner_oid                  | 1.2.246.10.24682114.10.0 |
      | registrar_oid               | 1.2.246.10.24682114.10.0 |
      | new_business_id             | kyllä                    |
      | new_business_id_value       | 1414213-0                |
      | new_joiners                 | ei                       |
      | merger                      | kyllä                    |
      | documents_move_registrar    | ei                       |
      | is_independent_practitioner | ei                       |
      | access_point_changes        | ei                       |
      | renewal_routing_changes     | ei                       |
      | joiner_stops                | ei                       |
      | prescription_readiness      | ei                       |
      | prescription_service_in_use | ei                       |
      | vendor_business_id          | 2345678-0                |
    Niin avoinna ovat vain tehtävät "Sovi, kumman asiakkuus jatkuu", jonka tekee palvelunantaja, ja "Täydennä organisaation tiedot", jonka tekee uusi liittyjä
    Kun palvelunantaja yrittää tehdä tehtävän "Sovi, kumman asiakkuus jatkuu" tiedoilla:
      | continuing_business_id | 1414213-1 |
      | customership_ends      | kyllä     |
    Niin lomake hylätään kentän "continuing_business_id" kohdalta
    Ja avoinna ovat vain tehtävät "Sovi, kumman asiakkuus jatkuu", jonka tekee palvelunantaja, ja "Täydennä organisaation tiedot", jonka tekee uusi liittyjä
    Kun palvelunantaja tekee tehtävän "Sovi, kumman asiakkuus jatkuu" tiedoilla:
      | continuing_business_id | 1414213-0 |
      | customership_ends      | kyllä     |
    Niin avoinna on vain tehtävä "Täydennä organisaation tiedot", jonka tekee uusi liittyjä
    Ja tiedon "organisation_name" arvo on Fysioterapia Virta Oy
    Kun uusi liittyjä yrittää tehdä tehtävän "Täydennä organisaation tiedot" tiedoilla:
      | business_id          | 1414213-0        |
      | organisation_kind    | private_provider |
      | licence              | health           |
      | system_kind          | none             |
      | writes_prescriptions | ei               |
      | vendor_business_id   | 2345678-0        |
    Niin lomake hylätään kentän "business_id" kohdalta
    Ja avoinna on vain tehtävä "Täydennä organisaation tiedot", jonka tekee uusi liittyjä
    Kun uusi liittyjä tekee tehtävän "Täydennä organisaation tiedot" tiedoilla:
      | organisation_kind    | private_provider |
      | licence              | health           |
      | system_kind          | none             |
      | writes_prescriptions | ei               |
      | vendor_business_id   | 2345678-0        |
    Niin vaihe "Ei liittymisvelvoitetta" on tehty
    Ja tiedon "patient_data_repository_required" arvo on ei
    Ja tiedon "prescription_service_required" arvo on ei
    Ja tiedon "new_business_id_value" arvo on 1414213-0
    Ja tiedon "business_id" arvo on 2468211-4
    Ja tiedon "organisation_name" arvo on Fysioterapia Virta Oy
    Ja avoinna on vain tehtävä "Tee irtisanomisilmoitus Kanta Ekstranetissä", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Tee irtisanomisilmoitus Kanta Ekstranetissä" tiedoilla:
      | filed_on        | tänään             |
      | last_day_of_use | tänään + 30 päivää |
    Niin avoinna on vain tehtävä "Sulje tekniset yhteydet", jonka tekee Kela
    Kun Kela tekee tehtävän "Sulje tekniset yhteydet" tiedoilla:
      | closed_on | tänään |
    Niin prosessi on päättynyt tapahtumaan "Asiakkuus päättynyt"
    Ja avoimia tehtäviä ei ole
    Ja vaihetta "Ajoita rekisterinpitäjämuutos Kelan muutosajojen mukaan" ei ole tehty

  Tapausaihio: Sulautumisessa sovitaan, jatkuuko oma asiakkuus (päättyy: <paattyy>, liittyjä lopettaa: <lopettaa>)
    Oletetaan palvelunantajan aloittaneen prosessin "Organisaatiomuutos" Y-tunnukselle <y_tunnus>
    Ja avoinna on vain tehtävä "Kartoita vaikutukset Kanta-palveluiden liittymisiin", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Kartoita vaikutukset Kanta-palveluiden liittymisiin" tiedoilla:
      | business_id                 | <y_tunnus>               |
      | organisation_name           | Hammaslääkärit Sointu Oy |
      | change_date                 | tänään + 30 päivää       |
      | joiner_oid                  | 1.2.246.10.24682122.10.0 |
      | registrar_oid               | 1.2.246.10.24682122.10.0 |
      | new_business_id             | ei                       |
      | new_joiners                 | ei                       |
      | merger                      | kyllä                    |
      | documents_move_registrar    | ei                       |
      | is_independent_practitioner | ei                       |
      | access_point_changes        | ei                       |
      | renewal_routing_changes     | ei                       |
      | joiner_stops                | <lopettaa>               |
      | receiver_mark_removal       | ei                       |
      | prescription_readiness      | ei                       |
      | prescription_service_in_use | ei                       |
      | vendor_business_id          | 2345678-0                |
    Niin <ensin>
    Kun palvelunantaja tekee tehtävän "Sovi, kumman asiakkuus jatkuu" tiedoilla:
      | continuing_business_id | 1572860-0 |
      | customership_ends      | <paattyy> |
    Niin <seuraavaksi>
    Ja vaihe "Sovi, kumman asiakkuus jatkuu" on tehty kerran

    Tapaukset:
      | y_tunnus  | paattyy | lopettaa | ensin                                                                                                                                                         | seuraavaksi                                                                                       |
      | 2468212-2 | kyllä   | ei       | avoinna on vain tehtävä "Sovi, kumman asiakkuus jatkuu", jonka tekee palvelunantaja                                                                           | avoinna on vain tehtävä "Tee irtisanomisilmoitus Kanta Ekstranetissä", jonka tekee palvelunantaja |
      | 2468214-9 | ei      | ei       | avoinna on vain tehtävä "Sovi, kumman asiakkuus jatkuu", jonka tekee palvelunantaja                                                                           | prosessi on päättynyt tapahtumaan "Organisaatiomuutos tehty"                                      |

  Tapaus: Sulautumisessa uudeksi rekisterinpitäjäksi kartoitettu organisaatio ei voi sopia oman asiakkuutensa päättyvän, koska sen on hoidettava siirrettyjen asiakirjojen muutokset
    Oletetaan palvelunantajan aloittaneen prosessin "Organisaatiomuutos" Y-tunnukselle 2468192-0
    Ja avoinna on vain tehtävä "Kartoita vaikutukset Kanta-palveluiden liittymisiin", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Kartoita vaikutukset Kanta-palveluiden liittymisiin" tiedoilla:
      | business_id                        | 2468192-0                |
      | organisation_name                  | Lääkäriasema Kaari Oy    |
      | change_date                        | tänään + 30 päivää       |
      | joiner_oid                         | 1.2.246.10.24681920.10.0 |
      | registrar_oid                      | 1.2.246.10.24681920.10.0 |
      | new_business_id                    | ei                       |
      | new_joiners                        | ei                       |
      | merger                             | kyllä                    |
      | documents_move_registrar           | kyllä                    |
      | new_registrar_oid                  | 1.2.246.10.15728600.10.0 |
      | new_registrar_is_this_organisation | kyllä                    |
      | is_independent_practitioner        | ei                       |
      | access_point_changes               | ei                       |
      | renewal_routing_changes            | ei                       |
      | joiner_stops                       | ei                       |
      | prescription_readiness             | ei                       |
      | prescription_service_in_use        | ei                       |
      | vendor_business_id                 | 2345678-0                |
    Niin avoimina ovat tehtävät:
      | osapuoli       | tehtävä                                                  |
      | palvelunantaja | Sovi, kumman asiakkuus jatkuu, uutena rekisterinpitäjänä |
      | palvelunantaja | Ajoita rekisterinpitäjämuutos Kelan muutosajojen mukaan  |
    Ja vaihetta "Sovi, kumman asiakkuus jatkuu" ei ole tehty
    Kun palvelunantaja yrittää tehdä tehtävän "Sovi, kumman asiakkuus jatkuu, uutena rekisterinpitäjänä" tiedoilla:
      | continuing_business_id | 1572860-0 |
      | customership_ends      | kyllä     |
    Niin lomake hylätään kentän "customership_ends" kohdalta
    Ja avoimina ovat tehtävät:
      | osapuoli       | tehtävä                                                  |
      | palvelunantaja | Sovi, kumman asiakkuus jatkuu, uutena rekisterinpitäjänä |
      | palvelunantaja | Ajoita rekisterinpitäjämuutos Kelan muutosajojen mukaan  |
    Kun palvelunantaja tekee tehtävän "Sovi, kumman asiakkuus jatkuu, uutena rekisterinpitäjänä" tiedoilla:
      | continuing_business_id | 2468192-0 |
      | customership_ends      | ei        |
    Niin avoinna on vain tehtävä "Ajoita rekisterinpitäjämuutos Kelan muutosajojen mukaan", jonka tekee palvelunantaja
    Ja vaihe "Sovi, kumman asiakkuus jatkuu, uutena rekisterinpitäjänä" on tehty kerran
    Ja vaihetta "Tee irtisanomisilmoitus Kanta Ekstranetissä" ei ole tehty

  Tapaus: Sulautumisessa Kanta-palvelujen käytön lopettava liittyjä ei voi sopia oman asiakkuutensa jatkuvan, vaan sen asiakkuus päättyy irtisanomiseen
    Oletetaan palvelunantajan aloittaneen prosessin "Organisaatiomuutos" Y-tunnukselle 2468213-0
    Ja avoinna on vain tehtävä "Kartoita vaikutukset Kanta-palveluiden liittymisiin", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Kartoita vaikutukset Kanta-palveluiden liittymisiin" tiedoilla:
      | business_id                 | 2468213-0                |
      | organisation_name           | Hammaslääkärit Sointu Oy |
      | change_date                 | tänään + 30 päivää       |
      | joiner_oid                  | 1.2.246.10.24682130.10.0 |
      | registrar_oid               | 1.2.246.10.24682130.10.0 |
      | new_business_id             | ei                       |
      | new_joiners                 | ei                       |
      | merger                      | kyllä                    |
      | documents_move_registrar    | ei                       |
      | is_independent_practitioner | ei                       |
      | access_point_changes        | ei                       |
      | renewal_routing_changes     | ei                       |
      | joiner_stops                | kyllä                    |
      | receiver_mark_removal       | ei                       |
      | prescription_readiness      | ei                       |
      | prescription_service_in_use | ei                       |
      | vendor_business_id          | 2345678-0                |
    Niin avoinna ovat vain tehtävät "Sovi, kumman asiakkuus jatkuu, kun oma käyttö päättyy", jonka tekee palvelunantaja, ja "Käsittele kohdistetut uusimispyynnöt", jonka tekee palvelunantaja
    Kun palvelunantaja yrittää tehdä tehtävän "Sovi, kumman asiakkuus jatkuu, kun oma käyttö päättyy" tiedoilla:
      | continuing_business_id | 1572860-0 |
      | customership_ends      | ei        |
    Niin lomake hylätään kentän "customership_ends" kohdalta
    Ja avoinna ovat vain tehtävät "Sovi, kumman asiakkuus jatkuu, kun oma käyttö päättyy", jonka tekee palvelunantaja, ja "Käsittele kohdistetut uusimispyynnöt", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Sovi, kumman asiakkuus jatkuu, kun oma käyttö päättyy" tiedoilla:
      | continuing_business_id | 1572860-0 |
      | customership_ends      | kyllä     |
    Niin avoinna on vain tehtävä "Käsittele kohdistetut uusimispyynnöt", jonka tekee palvelunantaja
    Ja vaihe "Sovi, kumman asiakkuus jatkuu, kun oma käyttö päättyy" on tehty kerran
    Ja vaihetta "Sovi, kumman asiakkuus jatkuu" ei ole tehty

  Tapaus: Kanta-palvelujen käytön lopettavan liittyjän vastaanottomerkinnän poistoa voi pyytää heti, ja THL poistaa sen päivää tai kahta ennen muutosta, vaikka uusimispyyntöjen välitys ei muutu; kohdistetut pyynnöt käsitellään ennen irtisanomista
    Oletetaan palvelunantajan aloittaneen prosessin "Organisaatiomuutos" Y-tunnukselle 2468190-4
    Ja avoinna on vain tehtävä "Kartoita vaikutukset Kanta-palveluiden liittymisiin", jonka tekee palvelunantaja
    Kun palvelunantaja yrittää tehdä tehtävän "Kartoita vaikutukset Kanta-palveluiden liittymisiin" tiedoilla:
      | business_id                 | 2468190-4                |
      | organisation_name           | Fysioterapia Tyyni Oy    |
      | change_date                 | tänään + 10 päivää       |
      | joiner_oid                  | 1.2.246.10.24682190.10.0 |
      | registrar_oid               | 1.2.246.10.24682190.10.0 |
      | new_business_id             | ei                       |
      | new_joiners                 | ei                       |
      | merger                      | ei                       |
      | documents_move_registrar    | ei                       |
      | is_independent_practitioner | ei                       |
      | access_point_changes        | ei                       |
      | renewal_routing_changes     | ei                       |
      | joiner_stops                | kyllä                    |
      | prescription_readiness      | ei                       |
      | prescription_service_in_use | ei                       |
    Niin lomake hylätään kentän "receiver_mark_removal" kohdalta
    Ja avoinna on vain tehtävä "Kartoita vaikutukset Kanta-palveluiden liittymisiin", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Kartoita vaikutukset Kanta-palveluiden liittymisiin" tiedoilla:
      | business_id                 | 2468190-4                |
      | organisation_name           | Fysioterapia Tyyni Oy    |
      | change_date                 | tänään + 10 päivää       |
      | joiner_oid                  | 1.2.246.10.24682190.10.0 |
      | registrar_oid               | 1.2.246.10.24682190.10.0 |
      | new_business_id             | ei                       |
      | new_joiners                 | ei                       |
      | merger                      | ei                       |
      | documents_move_registrar    | ei                       |
      | is_independent_practitioner | ei                       |
      | access_point_changes        | ei                       |
      | renewal_routing_changes     | ei                       |
      | joiner_stops                | kyllä                    |
      | receiver_mark_removal       | kyllä                    |
      | prescription_readiness      | ei                       |
      | prescription_service_in_use | ei                       |
    Niin avoinna on vain tehtävä "Pyydä THL:ää poistamaan vastaanottomerkintä", jonka tekee palvelunantaja
    Ja ajastimia ei ole
    Ja vaihetta "Ilmoita uusimispyyntöjen uudet vastaanottajat" ei ole tehty
    Kun palvelunantaja tekee tehtävän "Pyydä THL:ää poistamaan vastaanottomerkintä" tiedoilla:
      | email_sent_on     | tänään                        |
      | copy_to_kanta     | kyllä                         |
      | register          | sote_organisation_register    |
      | service_unit_oids | ["1.2.246.10.24682190.10.12"] |
    Niin ajastin "Kaksi päivää ennen muutosta" laukeaa 8 päivän kuluttua
    Ja avoimia tehtäviä ei ole
    Kun aikaa on kulunut 8 päivää
    Niin ajastin "Kaksi päivää ennen muutosta" on lauennut kerran
    Ja avoinna on vain tehtävä "Poista uusimispyyntöjen vastaanottomerkintä", jonka tekee THL
    Kun THL tekee tehtävän "Poista uusimispyyntöjen vastaanottomerkintä" tiedoilla:
      | removed_on | tänään |
    Niin avoinna on vain tehtävä "Käsittele kohdistetut uusimispyynnöt", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Käsittele kohdistetut uusimispyynnöt" tiedoilla:
      | handled_on                   | tänään |
      | pending_requests_handled     | 2      |
      | all_pending_requests_handled | kyllä  |
    Niin avoinna on vain tehtävä "Tee irtisanomisilmoitus Kanta Ekstranetissä", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Tee irtisanomisilmoitus Kanta Ekstranetissä" tiedoilla:
      | filed_on        | tänään            |
      | last_day_of_use | tänään + 2 päivää |
    Niin avoinna on vain tehtävä "Sulje tekniset yhteydet", jonka tekee Kela
    Kun Kela tekee tehtävän "Sulje tekniset yhteydet" tiedoilla:
      | closed_on | tänään |
    Niin prosessi on päättynyt tapahtumaan "Asiakkuus päättynyt"
    Ja avoimia tehtäviä ei ole

  Tapausaihio: Lopettavien yksiköiden vastaanottomerkinnän poistoa voi pyytää heti, ja poiston ajastin laukeaa kaksi päivää ennen muutospäivää (muutos <muutospaiva>)
    Oletetaan palvelunantajan aloittaneen prosessin "Organisaatiomuutos" Y-tunnukselle <y_tunnus>
    Ja avoinna on vain tehtävä "Kartoita vaikutukset Kanta-palveluiden liittymisiin", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Kartoita vaikutukset Kanta-palveluiden liittymisiin" tiedoilla:
      | business_id                 | <y_tunnus>               |
      | organisation_name           | Lääkärikeskus Kaari Oy   |
      | change_date                 | <muutospaiva>            |
      | joiner_oid                  | 1.2.246.10.24682157.10.0 |
      | registrar_oid               | 1.2.246.10.24682157.10.0 |
      | new_business_id             | ei                       |
      | new_joiners                 | ei                       |
      | merger                      | ei                       |
      | documents_move_registrar    | ei                       |
      | is_independent_practitioner | ei                       |
      | access_point_changes        | ei                       |
      | renewal_routing_changes     | kyllä                    |
      | receiving_units_end         | kyllä                    |
      | receiver_mark_removal       | kyllä                    |
      | joiner_stops                | ei                       |
      | prescription_readiness      | ei                       |
      | prescription_service_in_use | kyllä                    |
      | deployment_check            | none                     |
      | vendor_business_id          | 2345678-0                |
    Niin avoinna on vain tehtävä "Ilmoita uusimispyyntöjen uudet vastaanottajat", jonka tekee palvelunantaja
    Ja ajastimia ei ole
    Kun palvelunantaja tekee tehtävän "Ilmoita uusimispyyntöjen uudet vastaanottajat" tiedoilla:
      | email_sent_on            | tänään                        |
      | copy_to_kanta            | kyllä                         |
      | register                 | sote_organisation_register    |
      | receiver_oids            | ["1.2.246.10.24682157.10.20"] |
      | receipt_service_in_kanta | kyllä                         |
    Niin avoinna on vain tehtävä "Pyydä THL:ää poistamaan vastaanottomerkintä", jonka tekee palvelunantaja
    Ja ajastimia ei ole
    Kun palvelunantaja tekee tehtävän "Pyydä THL:ää poistamaan vastaanottomerkintä" tiedoilla:
      | email_sent_on     | tänään                        |
      | copy_to_kanta     | kyllä                         |
      | register          | sote_organisation_register    |
      | service_unit_oids | ["1.2.246.10.24682157.10.12"] |
    Niin <ajastin>
    Ja <tehtavat>

    Tapaukset:
      | y_tunnus  | muutospaiva        | ajastin                                                          | tehtavat                                                                               |
      | 2468215-7 | tänään + 30 päivää | ajastin "Kaksi päivää ennen muutosta" laukeaa 28 päivän kuluttua | avoimia tehtäviä ei ole                                                                |
      | 2468216-5 | tänään + 3 päivää  | ajastin "Kaksi päivää ennen muutosta" laukeaa 1 päivän kuluttua  | avoimia tehtäviä ei ole                                                                |
      | 2468217-3 | tänään + 1 päivä   | ajastin "Kaksi päivää ennen muutosta" on lauennut                | avoinna on vain tehtävä "Poista uusimispyyntöjen vastaanottomerkintä", jonka tekee THL |

  Tapaus: Uusimispyyntöjen välitys muuttuu, mutta yksikön toiminta ei pääty: välitys voi muuttua vain Resepti-palvelua käyttävällä organisaatiolla, uudet vastaanottajat ilmoitetaan THL:lle, kohdistetut pyynnöt käsitellään, eikä vastaanottomerkintää poisteta
    Oletetaan palvelunantajan aloittaneen prosessin "Organisaatiomuutos" Y-tunnukselle 2468224-5
    Ja avoinna on vain tehtävä "Kartoita vaikutukset Kanta-palveluiden liittymisiin", jonka tekee palvelunantaja
    Kun palvelunantaja yrittää tehdä tehtävän "Kartoita vaikutukset Kanta-palveluiden liittymisiin" tiedoilla:
      | business_id                 | 2468224-5                |
      | organisation_name           | Terveysasema Lähde Oy    |
      | change_date                 | tänään + 30 päivää       |
      | joiner_oid                  | 1.2.246.10.24682245.10.0 |
      | registrar_oid               | 1.2.246.10.24682245.10.0 |
      | new_business_id             | ei                       |
      | new_joiners                 | ei                       |
      | merger                      | ei                       |
      | documents_move_registrar    | ei                       |
      | is_independent_practitioner | ei                       |
      | access_point_changes        | ei                       |
      | renewal_routing_changes     | kyllä                    |
      | receiving_units_end         | ei                       |
      | receiver_mark_removal       | kyllä                    |
      | joiner_stops                | ei                       |
      | prescription_readiness      | ei                       |
      | prescription_service_in_use | kyllä                    |
      | deployment_check            | none                     |
      | vendor_business_id          | 2345678-0                |
    Niin lomake hylätään kentän "receiver_mark_removal" kohdalta
    Ja avoinna on vain tehtävä "Kartoita vaikutukset Kanta-palveluiden liittymisiin", jonka tekee palvelunantaja
    Kun palvelunantaja yrittää tehdä tehtävän "Kartoita vaikutukset Kanta-palveluiden liittymisiin" tiedoilla:
      | business_id                 | 2468224-5                |
      | organisation_name           | Terveysasema Lähde Oy    |
      | change_date                 | tänään + 30 päivää       |
      | joiner_oid                  | 1.2.246.10.24682245.10.0 |
      | registrar_oid               | 1.2.246.10.24682245.10.0 |
      | new_business_id             | ei                       |
      | new_joiners                 | ei                       |
      | merger                      | ei                       |
      | documents_move_registrar    | ei                       |
      | is_independent_practitioner | ei                       |
      | access_point_changes        | ei                       |
      | renewal_routing_changes     | kyllä                    |
      | receiving_units_end         | ei                       |
      | receiver_mark_removal       | ei                       |
      | joiner_stops                | ei                       |
      | prescription_readiness      | ei                       |
      | prescription_service_in_use | ei                       |
      | vendor_business_id          | 2345678-0                |
    Niin lomake hylätään kentän "prescription_service_in_use" kohdalta
    Ja avoinna on vain tehtävä "Kartoita vaikutukset Kanta-palveluiden liittymisiin", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Kartoita vaikutukset Kanta-palveluiden liittymisiin" tiedoilla:
      | business_id                 | 2468224-5                |
      | organisation_name           | Terveysasema Lähde Oy    |
      | change_date                 | tänään + 30 päivää       |
      | joiner_oid                  | 1.2.246.10.24682245.10.0 |
      | registrar_oid               | 1.2.246.10.24682245.10.0 |
      | new_business_id             | ei                       |
      | new_joiners                 | ei                       |
      | merger                      | ei                       |
      | documents_move_registrar    | ei                       |
      | is_independent_practitioner | ei                       |
      | access_point_changes        | ei                       |
      | renewal_routing_changes     | kyllä                    |
      | receiving_units_end         | ei                       |
      | receiver_mark_removal       | ei                       |
      | joiner_stops                | ei                       |
      | prescription_readiness      | ei                       |
      | prescription_service_in_use | kyllä                    |
      | deployment_check            | none                     |
      | vendor_business_id          | 2345678-0                |
    Niin avoinna on vain tehtävä "Ilmoita uusimispyyntöjen uudet vastaanottajat", jonka tekee palvelunantaja
    Kun palvelunantaja yrittää tehdä tehtävän "Ilmoita uusimispyyntöjen uudet vastaanottajat" tiedoilla:
      | email_sent_on            | tänään                        |
      | copy_to_kanta            | kyllä                         |
      | register                 | sote_organisation_register    |
      | receiver_oids            | ["1.2.246.10.24682245.10.30"] |
      | receipt_service_in_kanta | ei                            |
    Niin lomake hylätään kentän "receipt_service_in_kanta" kohdalta
    Ja avoinna on vain tehtävä "Ilmoita uusimispyyntöjen uudet vastaanottajat", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Ilmoita uusimispyyntöjen uudet vastaanottajat" tiedoilla:
      | email_sent_on            | tänään                        |
      | copy_to_kanta            | kyllä                         |
      | register                 | sote_organisation_register    |
      | receiver_oids            | ["1.2.246.10.24682245.10.30"] |
      | receipt_service_in_kanta | kyllä                         |
    Niin avoinna on vain tehtävä "Käsittele kohdistetut uusimispyynnöt", jonka tekee palvelunantaja
    Ja ajastimia ei ole
    Kun palvelunantaja tekee tehtävän "Käsittele kohdistetut uusimispyynnöt" tiedoilla:
      | handled_on                   | tänään |
      | pending_requests_handled     | 4      |
      | all_pending_requests_handled | kyllä  |
    Niin prosessi on päättynyt tapahtumaan "Organisaatiomuutos tehty"
    Ja vaihetta "Pyydä THL:ää poistamaan vastaanottomerkintä" ei ole tehty
    Ja vaihetta "Poista uusimispyyntöjen vastaanottomerkintä" ei ole tehty

  Tapaus: Kanta-välittäjä ilmoittaa liityntäpisteen muutoksen heti, eikä se odota uusimispyyntöjen vastaanottomerkinnän poistoa
    Oletetaan palvelunantajan aloittaneen prosessin "Organisaatiomuutos" Y-tunnukselle 2468218-1
    Ja avoinna on vain tehtävä "Kartoita vaikutukset Kanta-palveluiden liittymisiin", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Kartoita vaikutukset Kanta-palveluiden liittymisiin" tiedoilla:
      | business_id                 | 2468218-1                  |
      | organisation_name           | Lääkäriasema Kotisatama Oy |
      | change_date                 | tänään + 5 päivää          |
      | joiner_oid                  | 1.2.246.10.24682181.10.0   |
      | registrar_oid               | 1.2.246.10.24682181.10.0   |
      | new_business_id             | ei                         |
      | new_joiners                 | ei                         |
      | merger                      | ei                         |
      | documents_move_registrar    | ei                         |
      | is_independent_practitioner | ei                         |
      | access_point_changes        | kyllä                      |
      | access_point_change_date    | tänään + 5 päivää          |
      | access_point_filed_by       | intermediary               |
      | renewal_routing_changes     | kyllä                      |
      | receiving_units_end         | kyllä                      |
      | receiver_mark_removal       | kyllä                      |
      | joiner_stops                | ei                         |
      | prescription_readiness      | ei                         |
      | prescription_service_in_use | kyllä                      |
      | deployment_check            | none                       |
      | vendor_business_id          | 2345678-0                  |
      | intermediary_business_id    | 2938470-6                  |
    Niin ajastin "Välittäjän ilmoitus myöhässä" on lauennut kerran
    Ja avoimina ovat tehtävät:
      | osapuoli        | tehtävä                                                 |
      | Kanta-välittäjä | Tee liityntäpisteen muutosilmoitus asiakkaiden puolesta |
      | palvelunantaja  | Huomioi liityntäpisteilmoituksen myöhästyminen          |
      | palvelunantaja  | Ilmoita uusimispyyntöjen uudet vastaanottajat           |
    Kun palvelunantaja tekee tehtävän "Ilmoita uusimispyyntöjen uudet vastaanottajat" tiedoilla:
      | email_sent_on            | tänään                        |
      | copy_to_kanta            | kyllä                         |
      | register                 | sote_organisation_register    |
      | receiver_oids            | ["1.2.246.10.24682181.10.20"] |
      | receipt_service_in_kanta | kyllä                         |
    Niin ajastimia ei ole
    Ja avoimina ovat tehtävät:
      | osapuoli        | tehtävä                                                 |
      | Kanta-välittäjä | Tee liityntäpisteen muutosilmoitus asiakkaiden puolesta |
      | palvelunantaja  | Huomioi liityntäpisteilmoituksen myöhästyminen          |
      | palvelunantaja  | Pyydä THL:ää poistamaan vastaanottomerkintä             |
    Kun Kanta-välittäjä yrittää tehdä tehtävän "Tee liityntäpisteen muutosilmoitus asiakkaiden puolesta" tiedoilla:
      | intermediary_name    | Välityspalvelu Silta Oy      |
      | new_access_point_oid | 1.2.246.537.6.918.18.10.13.1 |
      | filed_on             | tänään                       |
      | customers_covered    | []                           |
      | customers_informed   | kyllä                        |
      | access_point_is_new  | ei                           |
    Niin lomake hylätään kentän "customers_covered" kohdalta
    Ja avoimina ovat tehtävät:
      | osapuoli        | tehtävä                                                 |
      | Kanta-välittäjä | Tee liityntäpisteen muutosilmoitus asiakkaiden puolesta |
      | palvelunantaja  | Huomioi liityntäpisteilmoituksen myöhästyminen          |
      | palvelunantaja  | Pyydä THL:ää poistamaan vastaanottomerkintä             |
    Kun Kanta-välittäjä yrittää tehdä tehtävän "Tee liityntäpisteen muutosilmoitus asiakkaiden puolesta" tiedoilla:
      | intermediary_name    | Välityspalvelu Silta Oy                 |
      | new_access_point_oid | 1.2.246.537.6.918.18.10.13.1            |
      | filed_on             | tänään                                  |
      | customers_covered    | ["2468218-1", "0737546-2", "1572860-0"] |
      | customers_informed   | kyllä                                   |
      | access_point_is_new  | kyllä                                   |
    Niin lomake hylätään kentän "new_access_point_announced" kohdalta
    Ja avoimina ovat tehtävät:
      | osapuoli        | tehtävä                                                 |
      | Kanta-välittäjä | Tee liityntäpisteen muutosilmoitus asiakkaiden puolesta |
      | palvelunantaja  | Huomioi liityntäpisteilmoituksen myöhästyminen          |
      | palvelunantaja  | Pyydä THL:ää poistamaan vastaanottomerkintä             |
    Kun Kanta-välittäjä tekee tehtävän "Tee liityntäpisteen muutosilmoitus asiakkaiden puolesta" tiedoilla:
      | intermediary_name            | Välityspalvelu Silta Oy                 |
      | new_access_point_oid         | 1.2.246.537.6.918.18.10.13.1            |
      | filed_on                     | tänään                                  |
      | customers_covered            | ["2468218-1", "0737546-2", "1572860-0"] |
      | customers_informed           | kyllä                                   |
      | access_point_is_new          | kyllä                                   |
      | new_access_point_announced   | kyllä                                   |
      | server_certificates_obtained | kyllä                                   |
    Niin avoinna ovat vain tehtävät "Huomioi liityntäpisteilmoituksen myöhästyminen", jonka tekee palvelunantaja, ja "Pyydä THL:ää poistamaan vastaanottomerkintä", jonka tekee palvelunantaja
    Ja ajastimia ei ole
    Kun palvelunantaja tekee tehtävän "Huomioi liityntäpisteilmoituksen myöhästyminen" tiedoilla:
      | noted_on | tänään                                             |
      | note     | Välittäjä ilmoitti kaikkien asiakkaidensa puolesta |
    Niin vaihe "Myöhästyminen huomioitu" on tehty
    Ja avoinna on vain tehtävä "Pyydä THL:ää poistamaan vastaanottomerkintä", jonka tekee palvelunantaja
    Ja ajastimia ei ole
    Kun palvelunantaja yrittää tehdä tehtävän "Pyydä THL:ää poistamaan vastaanottomerkintä" tiedoilla:
      | email_sent_on     | tänään                        |
      | copy_to_kanta     | ei                            |
      | register          | sote_organisation_register    |
      | service_unit_oids | ["1.2.246.10.24682181.10.12"] |
    Niin lomake hylätään kentän "copy_to_kanta" kohdalta
    Ja avoinna on vain tehtävä "Pyydä THL:ää poistamaan vastaanottomerkintä", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Pyydä THL:ää poistamaan vastaanottomerkintä" tiedoilla:
      | email_sent_on     | tänään                                                     |
      | copy_to_kanta     | kyllä                                                      |
      | register          | sote_organisation_register                                 |
      | service_unit_oids | ["1.2.246.10.24682181.10.12", "1.2.246.10.24682181.10.14"] |
    Niin ajastin "Kaksi päivää ennen muutosta" laukeaa 3 päivän kuluttua
    Ja avoimia tehtäviä ei ole
    Ja odottavia ajastimia on 1
    Kun aikaa on kulunut kaksi päivää
    Niin ajastin "Kaksi päivää ennen muutosta" ei ole lauennut
    Ja avoimia tehtäviä ei ole
    Kun aikaa on kulunut yksi päivä
    Niin ajastin "Kaksi päivää ennen muutosta" on lauennut kerran
    Ja ajastimia ei ole
    Ja avoinna on vain tehtävä "Poista uusimispyyntöjen vastaanottomerkintä", jonka tekee THL
    Kun THL tekee tehtävän "Poista uusimispyyntöjen vastaanottomerkintä" tiedoilla:
      | removed_on | tänään |
    Niin avoinna on vain tehtävä "Käsittele kohdistetut uusimispyynnöt", jonka tekee palvelunantaja
    Kun palvelunantaja yrittää tehdä tehtävän "Käsittele kohdistetut uusimispyynnöt" tiedoilla:
      | handled_on                   | tänään |
      | pending_requests_handled     | 12     |
      | all_pending_requests_handled | ei     |
    Niin lomake hylätään kentän "all_pending_requests_handled" kohdalta
    Ja avoinna on vain tehtävä "Käsittele kohdistetut uusimispyynnöt", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Käsittele kohdistetut uusimispyynnöt" tiedoilla:
      | handled_on                   | tänään + 1 päivä |
      | pending_requests_handled     | 12               |
      | all_pending_requests_handled | kyllä            |
    Niin prosessi on päättynyt tapahtumiin:
      | Myöhästyminen huomioitu  |
      | Organisaatiomuutos tehty |
    Ja avoimia tehtäviä ei ole
    Ja vaihe "Poista uusimispyyntöjen vastaanottomerkintä" on tehty kerran

  Tapaus: Rekisterinpitäjä vaihtuu Kelan muutosajossa: koe ennen muutosta, muutosilmoitus ja järjestelmätoimittajan paikallinen muutos etenevät rinnakkain, kokeet uusitaan korjauksen jälkeen, ja kummastakin kokeesta raportoidaan kahden päivän kuluessa
    Oletetaan palvelunantajan aloittaneen prosessin "Organisaatiomuutos" Y-tunnukselle 2468220-2
    Ja avoinna on vain tehtävä "Kartoita vaikutukset Kanta-palveluiden liittymisiin", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Kartoita vaikutukset Kanta-palveluiden liittymisiin" tiedoilla:
      | business_id                        | 2468220-2                |
      | organisation_name                  | Terveystalo Ranta Oy     |
      | change_date                        | tänään + 14 päivää       |
      | joiner_oid                         | 1.2.246.10.24682202.10.0 |
      | registrar_oid                      | 1.2.246.10.24682202.10.0 |
      | new_business_id                    | ei                       |
      | new_joiners                        | ei                       |
      | merger                             | ei                       |
      | documents_move_registrar           | kyllä                    |
      | new_registrar_oid                  | 1.2.246.10.15728600.10.0 |
      | new_registrar_is_this_organisation | kyllä                    |
      | is_independent_practitioner        | ei                       |
      | access_point_changes               | ei                       |
      | renewal_routing_changes            | ei                       |
      | joiner_stops                       | ei                       |
      | prescription_readiness             | ei                       |
      | prescription_service_in_use        | ei                       |
      | vendor_business_id                 | 2345678-0                |
    Niin avoinna on vain tehtävä "Ajoita rekisterinpitäjämuutos Kelan muutosajojen mukaan", jonka tekee palvelunantaja
    Ja ajastimia ei ole
    Kun palvelunantaja yrittää tehdä tehtävän "Ajoita rekisterinpitäjämuutos Kelan muutosajojen mukaan" tiedoilla:
      | registrar_change_batch_date | tänään + 14 päivää |
      | partners_agreed             | ei                 |
    Niin lomake hylätään kentän "partners_agreed" kohdalta
    Ja avoinna on vain tehtävä "Ajoita rekisterinpitäjämuutos Kelan muutosajojen mukaan", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Ajoita rekisterinpitäjämuutos Kelan muutosajojen mukaan" tiedoilla:
      | registrar_change_batch_date | tänään + 14 päivää |
      | partners_agreed             | kyllä              |
      | vendors_consulted           | ei                 |
    Niin avoimina ovat tehtävät:
      | osapuoli              | tehtävä                                           |
      | palvelunantaja        | Tee käyttöönottokoe ennen muutosta                |
      | palvelunantaja        | Tee rekisterinpitäjän muutosilmoitus              |
      | järjestelmätoimittaja | Tee vastaava rekisterinpitäjämuutos paikallisesti |
    Kun palvelunantaja tekee tehtävän "Tee käyttöönottokoe ennen muutosta" tiedoilla:
      | test_date | tänään |
      | result    | failed |
    Niin avoimina ovat tehtävät:
      | osapuoli              | tehtävä                                           |
      | järjestelmätoimittaja | Korjaa virhe ennen muutosta                       |
      | palvelunantaja        | Tee rekisterinpitäjän muutosilmoitus              |
      | järjestelmätoimittaja | Tee vastaava rekisterinpitäjämuutos paikallisesti |
    Kun järjestelmätoimittaja tekee tehtävän "Korjaa virhe ennen muutosta" tiedoilla:
      | fault    | Allekirjoitusvarmenne vanhentunut |
      | fixed_on | tänään                            |
    Niin avoimina ovat tehtävät:
      | osapuoli              | tehtävä                                           |
      | palvelunantaja        | Tee käyttöönottokoe ennen muutosta                |
      | palvelunantaja        | Tee rekisterinpitäjän muutosilmoitus              |
      | järjestelmätoimittaja | Tee vastaava rekisterinpitäjämuutos paikallisesti |
    Kun palvelunantaja tekee tehtävän "Tee käyttöönottokoe ennen muutosta" tiedoilla:
      | test_date                | tänään |
      | result                   | passed |
      | earlier_test_data_reused | kyllä  |
    Niin ajastin "Ennen muutosta tehdyn kokeen raportti myöhässä" laukeaa 3 päivän kuluttua
    Ja vaihe "Korjaa virhe ennen muutosta" on tehty kerran
    Ja avoimina ovat tehtävät:
      | osapuoli              | tehtävä                                              |
      | palvelunantaja        | Raportoi ennen muutosta tehty käyttöönottokoe Kelaan |
      | palvelunantaja        | Tee rekisterinpitäjän muutosilmoitus                 |
      | järjestelmätoimittaja | Tee vastaava rekisterinpitäjämuutos paikallisesti    |
    Kun palvelunantaja tekee tehtävän "Raportoi ennen muutosta tehty käyttöönottokoe Kelaan" tiedoilla:
      | report_date         | tänään |
      | report_sent_to_kela | kyllä  |
    Niin ajastimia ei ole
    Ja avoimina ovat tehtävät:
      | osapuoli              | tehtävä                                           |
      | palvelunantaja        | Tee rekisterinpitäjän muutosilmoitus              |
      | järjestelmätoimittaja | Tee vastaava rekisterinpitäjämuutos paikallisesti |
    Kun palvelunantaja tekee tehtävän "Tee rekisterinpitäjän muutosilmoitus" tiedoilla:
      | notice_filed_on   | tänään                   |
      | old_registrar_oid | 1.2.246.10.24682202.10.0 |
      | new_registrar_oid | 1.2.246.10.15728600.10.0 |
    Niin odotetaan viestiä "Kelan rekisterinpitäjämuutosajo tehty"
    Ja avoinna on vain tehtävä "Tee vastaava rekisterinpitäjämuutos paikallisesti", jonka tekee järjestelmätoimittaja
    Kun aikaa on kulunut kaksi viikkoa
    Niin odotetaan viestiä "Kelan rekisterinpitäjämuutosajo tehty"
    Ja avoinna on vain tehtävä "Tee vastaava rekisterinpitäjämuutos paikallisesti", jonka tekee järjestelmätoimittaja
    Ja ajastimia ei ole
    Kun järjestelmätoimittaja yrittää tehdä tehtävän "Tee vastaava rekisterinpitäjämuutos paikallisesti" tiedoilla:
      | changed_on                 | tänään |
      | covers_data_before_joining | ei     |
    Niin lomake hylätään kentän "covers_data_before_joining" kohdalta
    Ja avoinna on vain tehtävä "Tee vastaava rekisterinpitäjämuutos paikallisesti", jonka tekee järjestelmätoimittaja
    Kun järjestelmätoimittaja tekee tehtävän "Tee vastaava rekisterinpitäjämuutos paikallisesti" tiedoilla:
      | changed_on                 | tänään |
      | covers_data_before_joining | kyllä  |
    Niin odotetaan viestiä "Kelan rekisterinpitäjämuutosajo tehty"
    Ja avoimia tehtäviä ei ole
    Kun Kela lähettää viestin "Kelan rekisterinpitäjämuutosajo tehty" tiedoilla:
      | batch_date        | tänään |
      | documents_updated | 48210  |
    Niin avoimina ovat tehtävät:
      | osapuoli              | tehtävä                                                                         |
      | palvelunantaja        | Tee käyttöönottokoe muutoksen jälkeen                                           |
      | palvelunantaja        | Hoida siirrettyjen asiakirjojen muutokset uutena rekisterinpitäjänä             |
      | järjestelmätoimittaja | Varmista, ettei potilastietojärjestelmä lähetä aktiivi rekisterinpitäjä -tietoa |
    Ja viestejä ei odoteta
    Ja tiedon "documents_updated" arvo on 48210
    Ja vaihetta "Huomioi, että koe ennen muutosta on vielä tekemättä" ei ole tehty
    Kun järjestelmätoimittaja yrittää tehdä tehtävän "Varmista, ettei potilastietojärjestelmä lähetä aktiivi rekisterinpitäjä -tietoa" tiedoilla:
      | checked_on                        | tänään |
      | active_registrar_not_sent         | kyllä  |
      | returned_active_registrar_removed | ei     |
    Niin lomake hylätään kentän "returned_active_registrar_removed" kohdalta
    Kun järjestelmätoimittaja tekee tehtävän "Varmista, ettei potilastietojärjestelmä lähetä aktiivi rekisterinpitäjä -tietoa" tiedoilla:
      | checked_on                        | tänään |
      | active_registrar_not_sent         | kyllä  |
      | returned_active_registrar_removed | kyllä  |
    Niin avoimina ovat tehtävät:
      | osapuoli       | tehtävä                                                             |
      | palvelunantaja | Hoida siirrettyjen asiakirjojen muutokset uutena rekisterinpitäjänä |
      | palvelunantaja | Tee käyttöönottokoe muutoksen jälkeen                               |
    Kun palvelunantaja tekee tehtävän "Hoida siirrettyjen asiakirjojen muutokset uutena rekisterinpitäjänä" tiedoilla:
      | document_changes_taken_on      | tänään |
      | moved_document_changes_handled | kyllä  |
      | new_registrar_in_new_versions  | kyllä  |
    Niin avoinna on vain tehtävä "Tee käyttöönottokoe muutoksen jälkeen", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Tee käyttöönottokoe muutoksen jälkeen" tiedoilla:
      | test_date               | tänään |
      | result                  | failed |
      | documents_moved_checked | ei     |
    Niin avoinna on vain tehtävä "Korjaa virhe muutoksen jälkeen", jonka tekee järjestelmätoimittaja
    Kun järjestelmätoimittaja tekee tehtävän "Korjaa virhe muutoksen jälkeen" tiedoilla:
      | fault    | Uusi versio lähetettiin vanhalla rekisterinpitäjällä |
      | fixed_on | tänään                                               |
    Niin avoinna on vain tehtävä "Tee käyttöönottokoe muutoksen jälkeen", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Tee käyttöönottokoe muutoksen jälkeen" tiedoilla:
      | test_date               | tänään |
      | result                  | passed |
      | documents_moved_checked | kyllä  |
    Niin avoinna on vain tehtävä "Raportoi muutoksen jälkeen tehty käyttöönottokoe Kelaan", jonka tekee palvelunantaja
    Ja ajastin "Raportin määräaika ylittynyt" laukeaa 3 päivän kuluttua
    Ja vaihe "Korjaa virhe muutoksen jälkeen" on tehty kerran
    Kun aikaa on kulunut kaksi päivää
    Niin ajastin "Raportin määräaika ylittynyt" ei ole lauennut
    Ja avoinna on vain tehtävä "Raportoi muutoksen jälkeen tehty käyttöönottokoe Kelaan", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Raportoi muutoksen jälkeen tehty käyttöönottokoe Kelaan" tiedoilla:
      | report_date         | tänään |
      | report_sent_to_kela | kyllä  |
    Niin prosessi on päättynyt tapahtumaan "Organisaatiomuutos tehty"
    Ja ajastimia ei ole
    Ja vaihetta "Pyydä puuttuvaa koeraporttia" ei ole tehty

  Tapaus: Kun koetta ennen muutosta ei ole tehty Kelan muutosajoa edeltävän päivän alkaessa, palvelunantajaa varoitetaan, kun koe vielä ehditään tehdä; muutosajon jälkeiset tehtävät eivät odota koetta ennen muutosta
    Oletetaan palvelunantajan aloittaneen prosessin "Organisaatiomuutos" Y-tunnukselle 2468191-2
    Ja avoinna on vain tehtävä "Kartoita vaikutukset Kanta-palveluiden liittymisiin", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Kartoita vaikutukset Kanta-palveluiden liittymisiin" tiedoilla:
      | business_id                        | 2468191-2                |
      | organisation_name                  | Lääkäriasema Kallio Oy   |
      | change_date                        | tänään + 14 päivää       |
      | joiner_oid                         | 1.2.246.10.24681912.10.0 |
      | registrar_oid                      | 1.2.246.10.24681912.10.0 |
      | new_business_id                    | ei                       |
      | new_joiners                        | ei                       |
      | merger                             | ei                       |
      | documents_move_registrar           | kyllä                    |
      | new_registrar_oid                  | 1.2.246.10.15728600.10.0 |
      | new_registrar_is_this_organisation | kyllä                    |
      | is_independent_practitioner        | ei                       |
      | access_point_changes               | ei                       |
      | renewal_routing_changes            | ei                       |
      | joiner_stops                       | ei                       |
      | prescription_readiness             | ei                       |
      | prescription_service_in_use        | ei                       |
      | vendor_business_id                 | 2345678-0                |
    Niin avoinna on vain tehtävä "Ajoita rekisterinpitäjämuutos Kelan muutosajojen mukaan", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Ajoita rekisterinpitäjämuutos Kelan muutosajojen mukaan" tiedoilla:
      | registrar_change_batch_date | tänään + 14 päivää |
      | partners_agreed             | kyllä              |
    Niin avoimina ovat tehtävät:
      | osapuoli              | tehtävä                                           |
      | palvelunantaja        | Tee käyttöönottokoe ennen muutosta                |
      | palvelunantaja        | Tee rekisterinpitäjän muutosilmoitus              |
      | järjestelmätoimittaja | Tee vastaava rekisterinpitäjämuutos paikallisesti |
    Ja ajastin "Koe ennen muutosta vielä tekemättä" laukeaa 13 päivän kuluttua
    Kun palvelunantaja tekee tehtävän "Tee rekisterinpitäjän muutosilmoitus" tiedoilla:
      | notice_filed_on   | tänään                   |
      | old_registrar_oid | 1.2.246.10.24681912.10.0 |
      | new_registrar_oid | 1.2.246.10.15728600.10.0 |
    Niin odotetaan viestiä "Kelan rekisterinpitäjämuutosajo tehty"
    Ja avoinna ovat vain tehtävät "Tee käyttöönottokoe ennen muutosta", jonka tekee palvelunantaja, ja "Tee vastaava rekisterinpitäjämuutos paikallisesti", jonka tekee järjestelmätoimittaja
    Kun aikaa on kulunut 12 päivää
    Niin ajastin "Koe ennen muutosta vielä tekemättä" ei ole lauennut
    Ja avoinna ovat vain tehtävät "Tee käyttöönottokoe ennen muutosta", jonka tekee palvelunantaja, ja "Tee vastaava rekisterinpitäjämuutos paikallisesti", jonka tekee järjestelmätoimittaja
    Kun aikaa on kulunut yksi päivä
    Niin ajastin "Koe ennen muutosta vielä tekemättä" on lauennut kerran
    Ja avoimina ovat tehtävät:
      | osapuoli              | tehtävä                                             |
      | palvelunantaja        | Tee käyttöönottokoe ennen muutosta                  |
      | järjestelmätoimittaja | Tee vastaava rekisterinpitäjämuutos paikallisesti   |
      | palvelunantaja        | Huomioi, että koe ennen muutosta on vielä tekemättä |
    Kun palvelunantaja tekee tehtävän "Huomioi, että koe ennen muutosta on vielä tekemättä" tiedoilla:
      | noted_on | tänään                                          |
      | note     | Koeympäristö valmistuu vasta muutosajon jälkeen |
    Niin vaihe "Huomioi, että koe ennen muutosta on vielä tekemättä" on tehty kerran
    Ja avoinna ovat vain tehtävät "Tee käyttöönottokoe ennen muutosta", jonka tekee palvelunantaja, ja "Tee vastaava rekisterinpitäjämuutos paikallisesti", jonka tekee järjestelmätoimittaja
    Kun aikaa on kulunut yksi päivä
    Niin avoinna ovat vain tehtävät "Tee käyttöönottokoe ennen muutosta", jonka tekee palvelunantaja, ja "Tee vastaava rekisterinpitäjämuutos paikallisesti", jonka tekee järjestelmätoimittaja
    Ja ajastimia ei ole
    Kun järjestelmätoimittaja tekee tehtävän "Tee vastaava rekisterinpitäjämuutos paikallisesti" tiedoilla:
      | changed_on                 | tänään |
      | covers_data_before_joining | kyllä  |
    Niin odotetaan viestiä "Kelan rekisterinpitäjämuutosajo tehty"
    Ja avoinna on vain tehtävä "Tee käyttöönottokoe ennen muutosta", jonka tekee palvelunantaja
    Kun Kela lähettää viestin "Kelan rekisterinpitäjämuutosajo tehty" tiedoilla:
      | batch_date        | tänään |
      | documents_updated | 2204   |
    Niin viestejä ei odoteta
    Ja avoimina ovat tehtävät:
      | osapuoli              | tehtävä                                                                         |
      | palvelunantaja        | Tee käyttöönottokoe ennen muutosta                                              |
      | palvelunantaja        | Tee käyttöönottokoe muutoksen jälkeen                                           |
      | palvelunantaja        | Hoida siirrettyjen asiakirjojen muutokset uutena rekisterinpitäjänä             |
      | järjestelmätoimittaja | Varmista, ettei potilastietojärjestelmä lähetä aktiivi rekisterinpitäjä -tietoa |
    Ja ajastimia ei ole
    Kun palvelunantaja tekee tehtävän "Hoida siirrettyjen asiakirjojen muutokset uutena rekisterinpitäjänä" tiedoilla:
      | document_changes_taken_on      | tänään |
      | moved_document_changes_handled | kyllä  |
      | new_registrar_in_new_versions  | kyllä  |
    Niin avoimina ovat tehtävät:
      | osapuoli              | tehtävä                                                                         |
      | palvelunantaja        | Tee käyttöönottokoe ennen muutosta                                              |
      | palvelunantaja        | Tee käyttöönottokoe muutoksen jälkeen                                           |
      | järjestelmätoimittaja | Varmista, ettei potilastietojärjestelmä lähetä aktiivi rekisterinpitäjä -tietoa |
    Kun järjestelmätoimittaja tekee tehtävän "Varmista, ettei potilastietojärjestelmä lähetä aktiivi rekisterinpitäjä -tietoa" tiedoilla:
      | checked_on                        | tänään |
      | active_registrar_not_sent         | kyllä  |
      | returned_active_registrar_removed | kyllä  |
    Niin avoinna ovat vain tehtävät "Tee käyttöönottokoe ennen muutosta", jonka tekee palvelunantaja, ja "Tee käyttöönottokoe muutoksen jälkeen", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Tee käyttöönottokoe muutoksen jälkeen" tiedoilla:
      | test_date               | tänään |
      | result                  | passed |
      | documents_moved_checked | kyllä  |
    Niin avoinna ovat vain tehtävät "Tee käyttöönottokoe ennen muutosta", jonka tekee palvelunantaja, ja "Raportoi muutoksen jälkeen tehty käyttöönottokoe Kelaan", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Raportoi muutoksen jälkeen tehty käyttöönottokoe Kelaan" tiedoilla:
      | report_date         | tänään |
      | report_sent_to_kela | kyllä  |
    Niin avoinna on vain tehtävä "Tee käyttöönottokoe ennen muutosta", jonka tekee palvelunantaja
    Ja prosessi on käynnissä
    Kun palvelunantaja tekee tehtävän "Tee käyttöönottokoe ennen muutosta" tiedoilla:
      | result      | skipped                                                                    |
      | skip_reason | Muutosajo tehtiin ennen koetta; muutoksen jälkeinen koe tarkisti muutoksen |
    Niin prosessi on päättynyt tapahtumiin:
      | Varoitus kokeesta ennen muutosta kuitattu |
      | Organisaatiomuutos tehty                  |
    Ja avoimia tehtäviä ei ole
    Ja ajastimia ei ole

  Tapaus: Liityntäpisteilmoitus ja rekisterinpitäjän vaihto etenevät rinnakkain; myöhästyneestä liityntäpisteilmoituksesta varoitetaan, ja myöhästyneestä koeraportista Kela muistuttaa
    Oletetaan palvelunantajan aloittaneen prosessin "Organisaatiomuutos" Y-tunnukselle 2468221-0
    Ja avoinna on vain tehtävä "Kartoita vaikutukset Kanta-palveluiden liittymisiin", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Kartoita vaikutukset Kanta-palveluiden liittymisiin" tiedoilla:
      | business_id                        | 2468221-0                |
      | organisation_name                  | Psykoterapia Aalto Oy    |
      | change_date                        | tänään + 7 päivää        |
      | joiner_oid                         | 1.2.246.10.24682210.10.0 |
      | registrar_oid                      | 1.2.246.10.24682210.10.0 |
      | new_business_id                    | ei                       |
      | new_joiners                        | ei                       |
      | merger                             | ei                       |
      | documents_move_registrar           | kyllä                    |
      | new_registrar_oid                  | 1.2.246.10.15728600.10.0 |
      | new_registrar_is_this_organisation | kyllä                    |
      | is_independent_practitioner        | ei                       |
      | access_point_changes               | kyllä                    |
      | access_point_change_date           | tänään + 7 päivää        |
      | access_point_filed_by              | customer                 |
      | renewal_routing_changes            | ei                       |
      | joiner_stops                       | ei                       |
      | prescription_readiness             | ei                       |
      | prescription_service_in_use        | ei                       |
      | vendor_business_id                 | 2345678-0                |
      | intermediary_business_id           | 2938470-6                |
    Niin ajastin "Liityntäpisteilmoitus myöhässä" on lauennut kerran
    Ja avoimina ovat tehtävät:
      | osapuoli       | tehtävä                                                 |
      | palvelunantaja | Tee liityntäpisteen muutosilmoitus                      |
      | palvelunantaja | Huomioi liityntäpisteilmoituksen myöhästyminen          |
      | palvelunantaja | Ajoita rekisterinpitäjämuutos Kelan muutosajojen mukaan |
    Kun palvelunantaja tekee tehtävän "Ajoita rekisterinpitäjämuutos Kelan muutosajojen mukaan" tiedoilla:
      | registrar_change_batch_date | tänään + 7 päivää |
      | partners_agreed             | kyllä             |
      | vendors_consulted           | kyllä             |
    Niin avoimina ovat tehtävät:
      | osapuoli              | tehtävä                                           |
      | palvelunantaja        | Tee liityntäpisteen muutosilmoitus                |
      | palvelunantaja        | Huomioi liityntäpisteilmoituksen myöhästyminen    |
      | palvelunantaja        | Tee käyttöönottokoe ennen muutosta                |
      | palvelunantaja        | Tee rekisterinpitäjän muutosilmoitus              |
      | järjestelmätoimittaja | Tee vastaava rekisterinpitäjämuutos paikallisesti |
    Kun järjestelmätoimittaja tekee tehtävän "Tee vastaava rekisterinpitäjämuutos paikallisesti" tiedoilla:
      | changed_on                 | tänään + 7 päivää |
      | covers_data_before_joining | kyllä             |
    Niin avoimina ovat tehtävät:
      | osapuoli       | tehtävä                                        |
      | palvelunantaja | Tee liityntäpisteen muutosilmoitus             |
      | palvelunantaja | Huomioi liityntäpisteilmoituksen myöhästyminen |
      | palvelunantaja | Tee käyttöönottokoe ennen muutosta             |
      | palvelunantaja | Tee rekisterinpitäjän muutosilmoitus           |
    Kun palvelunantaja tekee tehtävän "Huomioi liityntäpisteilmoituksen myöhästyminen" tiedoilla:
      | noted_on | tänään                                     |
      | note     | Muutospäivä pidetään, Kelan kanssa sovittu |
    Niin vaihe "Myöhästyminen huomioitu" on tehty
    Ja avoimina ovat tehtävät:
      | osapuoli       | tehtävä                              |
      | palvelunantaja | Tee liityntäpisteen muutosilmoitus   |
      | palvelunantaja | Tee käyttöönottokoe ennen muutosta   |
      | palvelunantaja | Tee rekisterinpitäjän muutosilmoitus |
    Kun palvelunantaja yrittää tehdä tehtävän "Tee liityntäpisteen muutosilmoitus" tiedoilla:
      | new_access_point_oid         | 1.2.246.10.24682210.99.1 |
      | ip_addresses                 | ["192.0.2.17"]           |
      | dns_name                     | kanta.lehto.example.fi   |
      | server_certificates_obtained | ei                       |
      | filed_on                     | tänään                   |
    Niin lomake hylätään kentän "server_certificates_obtained" kohdalta
    Kun palvelunantaja tekee tehtävän "Tee liityntäpisteen muutosilmoitus" tiedoilla:
      | new_access_point_oid         | 1.2.246.10.24682210.99.1 |
      | ip_addresses                 | ["192.0.2.17"]           |
      | dns_name                     | kanta.lehto.example.fi   |
      | server_certificates_obtained | kyllä                    |
      | filed_on                     | tänään                   |
    Niin avoimina ovat tehtävät:
      | osapuoli       | tehtävä                              |
      | palvelunantaja | Tee käyttöönottokoe ennen muutosta   |
      | palvelunantaja | Tee rekisterinpitäjän muutosilmoitus |
    Kun palvelunantaja tekee tehtävän "Tee käyttöönottokoe ennen muutosta" tiedoilla:
      | test_date | tänään |
      | result    | passed |
    Niin avoimina ovat tehtävät:
      | osapuoli       | tehtävä                                              |
      | palvelunantaja | Raportoi ennen muutosta tehty käyttöönottokoe Kelaan |
      | palvelunantaja | Tee rekisterinpitäjän muutosilmoitus                 |
    Kun palvelunantaja tekee tehtävän "Raportoi ennen muutosta tehty käyttöönottokoe Kelaan" tiedoilla:
      | report_date         | tänään |
      | report_sent_to_kela | kyllä  |
    Niin avoinna on vain tehtävä "Tee rekisterinpitäjän muutosilmoitus", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Tee rekisterinpitäjän muutosilmoitus" tiedoilla:
      | notice_filed_on   | tänään                   |
      | old_registrar_oid | 1.2.246.10.24682210.10.0 |
      | new_registrar_oid | 1.2.246.10.15728600.10.0 |
    Niin odotetaan viestiä "Kelan rekisterinpitäjämuutosajo tehty"
    Ja avoimia tehtäviä ei ole
    Kun Kela lähettää viestin "Kelan rekisterinpitäjämuutosajo tehty" tiedoilla:
      | batch_date        | tänään |
      | documents_updated | 1312   |
    Niin avoimina ovat tehtävät:
      | osapuoli              | tehtävä                                                                         |
      | palvelunantaja        | Tee käyttöönottokoe muutoksen jälkeen                                           |
      | palvelunantaja        | Hoida siirrettyjen asiakirjojen muutokset uutena rekisterinpitäjänä             |
      | järjestelmätoimittaja | Varmista, ettei potilastietojärjestelmä lähetä aktiivi rekisterinpitäjä -tietoa |
    Ja viestejä ei odoteta
    Ja vaihetta "Huomioi, että koe ennen muutosta on vielä tekemättä" ei ole tehty
    Kun järjestelmätoimittaja tekee tehtävän "Varmista, ettei potilastietojärjestelmä lähetä aktiivi rekisterinpitäjä -tietoa" tiedoilla:
      | checked_on                        | tänään |
      | active_registrar_not_sent         | kyllä  |
      | returned_active_registrar_removed | kyllä  |
    Niin avoimina ovat tehtävät:
      | osapuoli       | tehtävä                                                             |
      | palvelunantaja | Hoida siirrettyjen asiakirjojen muutokset uutena rekisterinpitäjänä |
      | palvelunantaja | Tee käyttöönottokoe muutoksen jälkeen                               |
    Kun palvelunantaja tekee tehtävän "Hoida siirrettyjen asiakirjojen muutokset uutena rekisterinpitäjänä" tiedoilla:
      | document_changes_taken_on      | tänään |
      | moved_document_changes_handled | kyllä  |
      | new_registrar_in_new_versions  | kyllä  |
    Niin avoinna on vain tehtävä "Tee käyttöönottokoe muutoksen jälkeen", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Tee käyttöönottokoe muutoksen jälkeen" tiedoilla:
      | test_date               | tänään - 1 päivä |
      | result                  | passed           |
      | documents_moved_checked | kyllä            |
    Niin avoinna on vain tehtävä "Raportoi muutoksen jälkeen tehty käyttöönottokoe Kelaan", jonka tekee palvelunantaja
    Ja ajastin "Raportin määräaika ylittynyt" laukeaa 2 päivän kuluttua
    Kun aikaa on kulunut yksi päivä
    Niin ajastin "Raportin määräaika ylittynyt" ei ole lauennut
    Ja avoinna on vain tehtävä "Raportoi muutoksen jälkeen tehty käyttöönottokoe Kelaan", jonka tekee palvelunantaja
    Kun aikaa on kulunut yksi päivä
    Niin ajastin "Raportin määräaika ylittynyt" on lauennut kerran
    Ja avoimina ovat tehtävät:
      | osapuoli       | tehtävä                                                 |
      | palvelunantaja | Raportoi muutoksen jälkeen tehty käyttöönottokoe Kelaan |
      | Kela           | Pyydä puuttuvaa koeraporttia                            |
    Kun Kela yrittää tehdä tehtävän "Pyydä puuttuvaa koeraporttia" tiedoilla:
      | reminded_on | tänään   |
      | channel     | kirjeenä |
    Niin lomake hylätään kentän "channel" kohdalta
    Ja avoimina ovat tehtävät:
      | osapuoli       | tehtävä                                                 |
      | palvelunantaja | Raportoi muutoksen jälkeen tehty käyttöönottokoe Kelaan |
      | Kela           | Pyydä puuttuvaa koeraporttia                            |
    Kun Kela tekee tehtävän "Pyydä puuttuvaa koeraporttia" tiedoilla:
      | reminded_on | tänään |
      | channel     | email  |
    Niin vaihe "Muistutus lähetetty" on tehty kerran
    Ja avoinna on vain tehtävä "Raportoi muutoksen jälkeen tehty käyttöönottokoe Kelaan", jonka tekee palvelunantaja
    Ja prosessi on käynnissä
    Kun palvelunantaja tekee tehtävän "Raportoi muutoksen jälkeen tehty käyttöönottokoe Kelaan" tiedoilla:
      | report_date         | tänään |
      | report_sent_to_kela | kyllä  |
    Niin prosessi on päättynyt tapahtumiin:
      | Myöhästyminen huomioitu  |
      | Muistutus lähetetty      |
      | Organisaatiomuutos tehty |
    Ja avoimia tehtäviä ei ole
    Ja ajastimia ei ole
    Ja viestejä ei odoteta
    Ja vaihetta "Korjaa virhe ennen muutosta" ei ole tehty

  Tapaus: Muu uusi liittyjä liittyy Kantaan omalla Y-tunnuksellaan ja nimellään ja tekee liittymisensä itse; muutoksen tekevä organisaatio ei tee sen puolesta mitään
    Oletetaan palvelunantajan aloittaneen prosessin "Organisaatiomuutos" Y-tunnukselle 2468230-9
    Ja avoinna on vain tehtävä "Kartoita vaikutukset Kanta-palveluiden liittymisiin", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Kartoita vaikutukset Kanta-palveluiden liittymisiin" tiedoilla:
      | business_id                 | 2468230-9                                                                   |
      | organisation_name           | Hammaslääkäriasema Helmi Oy                                                 |
      | change_date                 | tänään + 14 päivää                                                          |
      | joiner_oid                  | 1.2.246.10.24682309.10.0                                                    |
      | registrar_oid               | 1.2.246.10.24682309.10.0                                                    |
      | new_business_id             | ei                                                                          |
      | new_joiners                 | kyllä                                                                       |
      | new_joiner_organisations    | [{"business_id": "1572860-0", "organisation_name": "Suuhygienia Helmi Oy"}] |
      | merger                      | ei                                                                          |
      | documents_move_registrar    | ei                                                                          |
      | is_independent_practitioner | ei                                                                          |
      | access_point_changes        | ei                                                                          |
      | renewal_routing_changes     | ei                                                                          |
      | joiner_stops                | ei                                                                          |
      | prescription_readiness      | ei                                                                          |
      | prescription_service_in_use | ei                                                                          |
      | vendor_business_id          | 2345678-0                                                                   |
    Niin avoinna on vain tehtävä "Täydennä organisaation tiedot", jonka tekee uusi liittyjä
    Kun palvelunantaja yrittää tehdä tehtävän "Täydennä organisaation tiedot" tiedoilla:
      | organisation_kind    | private_provider |
      | licence              | health           |
      | system_kind          | none             |
      | writes_prescriptions | ei               |
      | vendor_business_id   | 2345678-0        |
    Niin palvelu kieltää sen, eikä mikään muutu
    Kun uusi liittyjä tekee tehtävän "Täydennä organisaation tiedot" tiedoilla:
      | organisation_kind    | private_provider |
      | licence              | health           |
      | system_kind          | none             |
      | writes_prescriptions | ei               |
      | vendor_business_id   | 2345678-0        |
    Niin vaihe "Ei liittymisvelvoitetta" on tehty
    Ja prosessi on päättynyt tapahtumaan "Organisaatiomuutos tehty"

  Tapaus: Organisaatio liittyy Kantaan uudelleen uudella Y-tunnuksella ja sillä Potilastietovarantoon ja tekee liittymisensä itse; vahvasti suositeltavan kokeen ennen rekisterinpitäjän vaihtoa voi jättää tekemättä perustellen (aiempien kokeiden tiedot eivät korvaa koetta), mutta Potilastietovarannon uutena liittyjänä se tekee kokeen muutoksen jälkeen joka tapauksessa uudella Y-tunnuksellaan, ei vanhalla, vasta kun sekä sen liittyminen että Kelan muutosajo on tehty (liittymisen koe ennen muutosajoa ei korvaa sitä), raportoi kokeen itse, ja myöhästyneestä raportista Kela muistuttaa sitä; onnistunut koe on tarkistanut asiakirjojen siirron
    Oletetaan palvelunantajan aloittaneen prosessin "Organisaatiomuutos" Y-tunnukselle 2468230-9
    Ja avoinna on vain tehtävä "Kartoita vaikutukset Kanta-palveluiden liittymisiin", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Kartoita vaikutukset Kanta-palveluiden liittymisiin" tiedoilla:
      | business_id                        | 2468230-9                                                                   |
      | organisation_name                  | Hammaslääkäriasema Helmi Oy                                                 |
      | change_date                        | tänään + 14 päivää                                                          |
      | joiner_oid                         | 1.2.246.10.24682309.10.0                                                    |
      | registrar_oid                      | 1.2.246.10.24682309.10.0                                                    |
      | new_business_id                    | kyllä                                                                       |
      | new_business_id_value              | 1572860-0                                                                   |
      | new_joiners                        | ei                                                                          |
      | merger                             | ei                                                                          |
      | documents_move_registrar           | kyllä                                                                       |
      | new_registrar_oid                  | 1.2.246.10.15728600.10.0                                                    |
      | new_registrar_is_this_organisation | kyllä                                                                       |
      | is_independent_practitioner        | ei                                                                          |
      | access_point_changes               | ei                                                                          |
      | renewal_routing_changes            | ei                                                                          |
      | joiner_stops                       | ei                                                                          |
      | prescription_readiness             | ei                                                                          |
      | prescription_service_in_use        | ei                                                                          |
      | vendor_business_id                 | 2345678-0                                                                   |
    Niin avoimina ovat tehtävät:
      | osapuoli       | tehtävä                                                 |
      | uusi liittyjä  | Täydennä organisaation tiedot      |
      | palvelunantaja | Ajoita rekisterinpitäjämuutos Kelan muutosajojen mukaan |
    Kun palvelunantaja yrittää tehdä tehtävän "Täydennä organisaation tiedot" tiedoilla:
      | organisation_kind    | private_provider |
      | licence              | health           |
      | system_kind          | none             |
      | writes_prescriptions | ei               |
      | vendor_business_id   | 2345678-0        |
    Niin palvelu kieltää sen, eikä mikään muutu
    Kun palvelunantaja tekee tehtävän "Ajoita rekisterinpitäjämuutos Kelan muutosajojen mukaan" tiedoilla:
      | registrar_change_batch_date | tänään + 14 päivää |
      | partners_agreed             | kyllä              |
    Niin avoimina ovat tehtävät:
      | osapuoli              | tehtävä                                           |
      | uusi liittyjä         | Täydennä organisaation tiedot                     |
      | palvelunantaja        | Tee käyttöönottokoe ennen muutosta                |
      | palvelunantaja        | Tee rekisterinpitäjän muutosilmoitus              |
      | järjestelmätoimittaja | Tee vastaava rekisterinpitäjämuutos paikallisesti |
    Kun palvelunantaja yrittää tehdä tehtävän "Tee käyttöönottokoe ennen muutosta" tiedoilla:
      | result | skipped |
    Niin lomake hylätään kentän "skip_reason" kohdalta
    Kun palvelunantaja yrittää tehdä tehtävän "Tee käyttöönottokoe ennen muutosta" tiedoilla:
      | result                   | skipped                                |
      | skip_reason              | Aiempien kokeiden asiakirjat riittävät |
      | earlier_test_data_reused | kyllä                                  |
    Niin lomake hylätään kentän "earlier_test_data_reused" kohdalta
    Ja avoimina ovat tehtävät:
      | osapuoli              | tehtävä                                           |
      | uusi liittyjä         | Täydennä organisaation tiedot                     |
      | palvelunantaja        | Tee käyttöönottokoe ennen muutosta                |
      | palvelunantaja        | Tee rekisterinpitäjän muutosilmoitus              |
      | järjestelmätoimittaja | Tee vastaava rekisterinpitäjämuutos paikallisesti |
    Kun palvelunantaja tekee tehtävän "Tee käyttöönottokoe ennen muutosta" tiedoilla:
      | result      | skipped                                                             |
      | skip_reason | Siirrettävässä yksikössä ei ole vielä yhtään arkistoitua asiakirjaa |
    Niin avoimina ovat tehtävät:
      | osapuoli              | tehtävä                                           |
      | uusi liittyjä         | Täydennä organisaation tiedot                     |
      | palvelunantaja        | Tee rekisterinpitäjän muutosilmoitus              |
      | järjestelmätoimittaja | Tee vastaava rekisterinpitäjämuutos paikallisesti |
    Ja vaihetta "Korjaa virhe ennen muutosta" ei ole tehty
    Kun palvelunantaja tekee tehtävän "Tee rekisterinpitäjän muutosilmoitus" tiedoilla:
      | notice_filed_on   | tänään                   |
      | old_registrar_oid | 1.2.246.10.24682309.10.0 |
      | new_registrar_oid | 1.2.246.10.15728600.10.0 |
    Niin odotetaan viestejä "Kelan rekisterinpitäjämuutosajo tehty" ja "Potilastietovaranto otettu käyttöön"
    Ja avoimina ovat tehtävät:
      | osapuoli              | tehtävä                                           |
      | uusi liittyjä         | Täydennä organisaation tiedot                     |
      | järjestelmätoimittaja | Tee vastaava rekisterinpitäjämuutos paikallisesti |
    Kun uusi liittyjä tekee tehtävän "Täydennä organisaation tiedot" tiedoilla:
      | organisation_kind    | private_provider |
      | licence              | health           |
      | system_kind          | patient_system   |
      | writes_prescriptions | ei               |
      | vendor_business_id   | 2345678-0        |
    Niin avoimina ovat tehtävät:
      | osapuoli              | tehtävä                                           |
      | uusi liittyjä         | Valitse liittymismalli                            |
      | järjestelmätoimittaja | Tee vastaava rekisterinpitäjämuutos paikallisesti |
    Kun uusi liittyjä tekee tehtävän "Valitse liittymismalli" tiedoilla:
      | joining_model | direct |
    Niin avoimina ovat tehtävät:
      | osapuoli              | tehtävä                                              |
      | järjestelmätoimittaja | Vahvista sertifioitu järjestelmä ja liityntäpiste    |
      | uusi liittyjä         | Tee tietoturvasuunnitelma                            |
      | uusi liittyjä         | Ota yhteyttä järjestelmätoimittajaan                 |
      | uusi liittyjä         | Selvitä Kanta-asiakkuus ja terveydenhuollon sitoumus |
      | järjestelmätoimittaja | Tee vastaava rekisterinpitäjämuutos paikallisesti    |
    Kun uusi liittyjä tekee tehtävän "Ota yhteyttä järjestelmätoimittajaan" tiedoilla:
      | vendor_name        | Ajas Oy   |
      | contacted_on       | tänään    |
      | vendor_business_id | 2345678-0 |
    Niin avoimina ovat tehtävät:
      | osapuoli              | tehtävä                                              |
      | järjestelmätoimittaja | Vahvista sertifioitu järjestelmä ja liityntäpiste    |
      | järjestelmätoimittaja | Lähetä valmisteluohjeet                              |
      | uusi liittyjä         | Tee tietoturvasuunnitelma                            |
      | uusi liittyjä         | Selvitä Kanta-asiakkuus ja terveydenhuollon sitoumus |
      | järjestelmätoimittaja | Tee vastaava rekisterinpitäjämuutos paikallisesti    |
    Kun järjestelmätoimittaja tekee tehtävän "Lähetä valmisteluohjeet" tiedoilla:
      | instructions_sent_on | tänään  |
      | system_name          | eRA     |
      | system_certified     | kyllä   |
      | intermediary_name    | Ajas Oy |
    Niin avoimina ovat tehtävät:
      | osapuoli              | tehtävä                                              |
      | järjestelmätoimittaja | Vahvista sertifioitu järjestelmä ja liityntäpiste    |
      | uusi liittyjä         | Tee tietoturvasuunnitelma                            |
      | uusi liittyjä         | Tee valmistelevat tehtävät                           |
      | uusi liittyjä         | Selvitä Kanta-asiakkuus ja terveydenhuollon sitoumus |
      | järjestelmätoimittaja | Tee vastaava rekisterinpitäjämuutos paikallisesti    |
    Kun uusi liittyjä tekee tehtävän "Tee valmistelevat tehtävät" tiedoilla:
      | access_point              | intermediary             |
      | customer_data_in_extranet | kyllä                    |
      | organisation_oid          | 1.2.246.10.15728600.10.0 |
    Niin avoimina ovat tehtävät:
      | osapuoli              | tehtävä                                              |
      | järjestelmätoimittaja | Vahvista sertifioitu järjestelmä ja liityntäpiste    |
      | uusi liittyjä         | Tee tietoturvasuunnitelma                            |
      | uusi liittyjä         | Selvitä Kanta-asiakkuus ja terveydenhuollon sitoumus |
      | järjestelmätoimittaja | Tee vastaava rekisterinpitäjämuutos paikallisesti    |
    Kun uusi liittyjä tekee tehtävän "Tee tietoturvasuunnitelma" tiedoilla:
      | security_plan_date               | tänään |
      | self_monitoring_in_place         | kyllä  |
      | covers_independent_practitioners | ei     |
    Niin avoimina ovat tehtävät:
      | osapuoli              | tehtävä                                              |
      | järjestelmätoimittaja | Vahvista sertifioitu järjestelmä ja liityntäpiste    |
      | uusi liittyjä         | Selvitä Kanta-asiakkuus ja terveydenhuollon sitoumus |
      | järjestelmätoimittaja | Tee vastaava rekisterinpitäjämuutos paikallisesti    |
    Kun järjestelmätoimittaja tekee tehtävän "Vahvista sertifioitu järjestelmä ja liityntäpiste" tiedoilla:
      | system_name       | eRA                          |
      | system_certified  | kyllä                        |
      | intermediary_name | Ajas Oy                      |
      | access_point_oid  | 1.2.246.537.6.918.18.10.13.1 |
    Niin avoimina ovat tehtävät:
      | osapuoli              | tehtävä                                              |
      | uusi liittyjä         | Selvitä Kanta-asiakkuus ja terveydenhuollon sitoumus |
      | järjestelmätoimittaja | Tee vastaava rekisterinpitäjämuutos paikallisesti    |
    Ja järjestelmätyö "Tarkista rekisteritiedot" odottaa
    Kun uusi liittyjä tekee järjestelmätyön "Tarkista rekisteritiedot" tiedoilla:
      | register               | sote_organisation_register |
      | organisation_oid       | 1.2.246.10.15728600.10.0   |
      | register_entries_valid | kyllä                      |
      | checked_on             | tänään                     |
    Niin avoimina ovat tehtävät:
      | osapuoli              | tehtävä                                              |
      | uusi liittyjä         | Tee liittymishakemus Kanta Ekstranetissä             |
      | uusi liittyjä         | Selvitä Kanta-asiakkuus ja terveydenhuollon sitoumus |
      | järjestelmätoimittaja | Tee vastaava rekisterinpitäjämuutos paikallisesti    |
    Kun uusi liittyjä tekee tehtävän "Tee liittymishakemus Kanta Ekstranetissä" tiedoilla:
      | system_name       | eRA                          |
      | access_point_oid  | 1.2.246.537.6.918.18.10.13.1 |
      | application_date  | tänään                       |
      | planned_test_date | tänään                       |
    Niin odotetaan viestejä "Kelan rekisterinpitäjämuutosajo tehty", "Kelan päätös Potilastietovarannon hakemukseen" ja "Potilastietovaranto otettu käyttöön"
    Ja avoimina ovat tehtävät:
      | osapuoli              | tehtävä                                              |
      | uusi liittyjä         | Selvitä Kanta-asiakkuus ja terveydenhuollon sitoumus |
      | järjestelmätoimittaja | Tee vastaava rekisterinpitäjämuutos paikallisesti    |
    Kun uusi liittyjä tekee tehtävän "Selvitä Kanta-asiakkuus ja terveydenhuollon sitoumus" tiedoilla:
      | existing_kanta_customer | ei            |
      | commitment_accepted_on  | tänään        |
      | signatory_name          | Aino Virtanen |
      | commitment_accepted     | kyllä         |
    Niin odotetaan viestejä "Kelan rekisterinpitäjämuutosajo tehty", "Kelan päätös Potilastietovarannon hakemukseen" ja "Potilastietovaranto otettu käyttöön"
    Ja avoinna on vain tehtävä "Tee vastaava rekisterinpitäjämuutos paikallisesti", jonka tekee järjestelmätoimittaja
    Kun Kela lähettää viestin "Kelan päätös Potilastietovarannon hakemukseen" tiedoilla:
      | decision | approved |
    Niin avoimina ovat tehtävät:
      | osapuoli              | tehtävä                                           |
      | järjestelmätoimittaja | Toimita Kelan testihenkilötunnukset               |
      | järjestelmätoimittaja | Tee vastaava rekisterinpitäjämuutos paikallisesti |
    Kun järjestelmätoimittaja tekee tehtävän "Toimita Kelan testihenkilötunnukset" tiedoilla:
      | test_person_ids_delivered_on | tänään |
    Niin avoimina ovat tehtävät:
      | osapuoli              | tehtävä                                           |
      | uusi liittyjä         | Tee käyttöönottokoe                               |
      | järjestelmätoimittaja | Tee vastaava rekisterinpitäjämuutos paikallisesti |
    Kun uusi liittyjä tekee tehtävän "Tee käyttöönottokoe" tiedoilla:
      | test_date   | tänään |
      | test_result | passed |
    Niin avoimina ovat tehtävät:
      | osapuoli              | tehtävä                                           |
      | uusi liittyjä         | Raportoi käyttöönottokoe Kelaan                   |
      | järjestelmätoimittaja | Tee vastaava rekisterinpitäjämuutos paikallisesti |
    Ja vaihetta "Liittyminen ja muutosajo tehty" ei ole tehty
    Kun uusi liittyjä tekee tehtävän "Raportoi käyttöönottokoe Kelaan" tiedoilla:
      | report_sent_on | tänään |
    Niin vaihe "Kanta-palveluihin liitytty" on tehty
    Ja vaihetta "Liittyminen ja muutosajo tehty" ei ole tehty
    Ja odotetaan viestiä "Kelan rekisterinpitäjämuutosajo tehty"
    Ja avoinna on vain tehtävä "Tee vastaava rekisterinpitäjämuutos paikallisesti", jonka tekee järjestelmätoimittaja
    Kun Kela lähettää viestin "Kelan rekisterinpitäjämuutosajo tehty" tiedoilla:
      | batch_date        | tänään |
      | documents_updated | 1520   |
    Niin avoinna on vain tehtävä "Tee vastaava rekisterinpitäjämuutos paikallisesti", jonka tekee järjestelmätoimittaja
    Ja viestejä ei odoteta
    Ja vaihetta "Liittyminen ja muutosajo tehty" ei ole tehty
    Kun järjestelmätoimittaja tekee tehtävän "Tee vastaava rekisterinpitäjämuutos paikallisesti" tiedoilla:
      | changed_on                 | tänään |
      | covers_data_before_joining | kyllä  |
    Niin vaihe "Liittyminen ja muutosajo tehty" on tehty kerran
    Ja tiedon "repository_in_use_test_date" arvo on tänään
    Ja avoimina ovat tehtävät:
      | osapuoli                             | tehtävä                                                                         |
      | palvelunantaja                       | Hoida siirrettyjen asiakirjojen muutokset uutena rekisterinpitäjänä             |
      | järjestelmätoimittaja                | Varmista, ettei potilastietojärjestelmä lähetä aktiivi rekisterinpitäjä -tietoa |
      | palvelunantaja uudella Y-tunnuksella | Tee uuden liittyjän käyttöönottokoe muutoksen jälkeen                           |
    Ja vaihetta "Korjaa virhe ennen muutosta" ei ole tehty
    Ja vaihetta "Huomioi, että koe ennen muutosta on vielä tekemättä" ei ole tehty
    Kun järjestelmätoimittaja tekee tehtävän "Varmista, ettei potilastietojärjestelmä lähetä aktiivi rekisterinpitäjä -tietoa" tiedoilla:
      | checked_on                        | tänään |
      | active_registrar_not_sent         | kyllä  |
      | returned_active_registrar_removed | kyllä  |
    Niin avoimina ovat tehtävät:
      | osapuoli                             | tehtävä                                                             |
      | palvelunantaja                       | Hoida siirrettyjen asiakirjojen muutokset uutena rekisterinpitäjänä |
      | palvelunantaja uudella Y-tunnuksella | Tee uuden liittyjän käyttöönottokoe muutoksen jälkeen               |
    Kun palvelunantaja tekee tehtävän "Hoida siirrettyjen asiakirjojen muutokset uutena rekisterinpitäjänä" tiedoilla:
      | document_changes_taken_on      | tänään |
      | moved_document_changes_handled | kyllä  |
      | new_registrar_in_new_versions  | kyllä  |
    Niin avoinna on vain tehtävä "Tee uuden liittyjän käyttöönottokoe muutoksen jälkeen", jonka tekee palvelunantaja uudella Y-tunnuksella
    Kun palvelunantaja yrittää tehdä tehtävän "Tee uuden liittyjän käyttöönottokoe muutoksen jälkeen" tiedoilla:
      | test_date               | tänään |
      | result                  | passed |
      | documents_moved_checked | kyllä  |
    Niin palvelu kieltää sen, eikä mikään muutu
    Kun palvelunantaja uudella Y-tunnuksella yrittää tehdä tehtävän "Tee uuden liittyjän käyttöönottokoe muutoksen jälkeen" tiedoilla:
      | result      | skipped                      |
      | skip_reason | Testattiin jo ennen muutosta |
    Niin lomake hylätään kentän "result" kohdalta
    Ja avoinna on vain tehtävä "Tee uuden liittyjän käyttöönottokoe muutoksen jälkeen", jonka tekee palvelunantaja uudella Y-tunnuksella
    Kun palvelunantaja uudella Y-tunnuksella yrittää tehdä tehtävän "Tee uuden liittyjän käyttöönottokoe muutoksen jälkeen" tiedoilla:
      | test_date               | tänään |
      | result                  | passed |
      | documents_moved_checked | ei     |
    Niin lomake hylätään kentän "documents_moved_checked" kohdalta
    Ja avoinna on vain tehtävä "Tee uuden liittyjän käyttöönottokoe muutoksen jälkeen", jonka tekee palvelunantaja uudella Y-tunnuksella
    Kun palvelunantaja uudella Y-tunnuksella tekee tehtävän "Tee uuden liittyjän käyttöönottokoe muutoksen jälkeen" tiedoilla:
      | test_date               | tänään |
      | result                  | passed |
      | documents_moved_checked | kyllä  |
    Niin avoinna on vain tehtävä "Raportoi uuden liittyjän muutoksen jälkeen tekemä käyttöönottokoe Kelaan", jonka tekee palvelunantaja uudella Y-tunnuksella
    Ja ajastin "Uuden liittyjän koeraportin määräaika ylittynyt" laukeaa 3 päivän kuluttua
    Kun palvelunantaja yrittää tehdä tehtävän "Raportoi uuden liittyjän muutoksen jälkeen tekemä käyttöönottokoe Kelaan" tiedoilla:
      | report_date         | tänään |
      | report_sent_to_kela | kyllä  |
    Niin palvelu kieltää sen, eikä mikään muutu
    Kun aikaa on kulunut kolme päivää
    Niin ajastin "Uuden liittyjän koeraportin määräaika ylittynyt" on lauennut kerran
    Ja avoimina ovat tehtävät:
      | osapuoli                             | tehtävä                                                                  |
      | palvelunantaja uudella Y-tunnuksella | Raportoi uuden liittyjän muutoksen jälkeen tekemä käyttöönottokoe Kelaan |
      | Kela                                 | Pyydä puuttuvaa koeraporttia                                             |
    Kun Kela tekee tehtävän "Pyydä puuttuvaa koeraporttia" tiedoilla:
      | reminded_on | tänään |
      | channel     | email  |
    Niin vaihe "Muistutus lähetetty" on tehty kerran
    Ja avoinna on vain tehtävä "Raportoi uuden liittyjän muutoksen jälkeen tekemä käyttöönottokoe Kelaan", jonka tekee palvelunantaja uudella Y-tunnuksella
    Kun palvelunantaja uudella Y-tunnuksella tekee tehtävän "Raportoi uuden liittyjän muutoksen jälkeen tekemä käyttöönottokoe Kelaan" tiedoilla:
      | report_date         | tänään |
      | report_sent_to_kela | kyllä  |
    Niin prosessi on päättynyt tapahtumiin:
      | Muistutus lähetetty      |
      | Organisaatiomuutos tehty |
    Ja vaihetta "Raportoi muutoksen jälkeen tehty käyttöönottokoe Kelaan" ei ole tehty
    Ja ajastimia ei ole

  Tapaus: Kun uudella Y-tunnuksella liittyvän organisaation liittyminen päättyy ilman liittymisvelvoitetta, se ei ole Potilastietovarannon uusi liittyjä eikä sillä ole uudessa organisaatiossa tallennusta testattavaksi: käyttöönottokoetta muutoksen jälkeen ei kysytä siltä, ja muutos päättyy, kun muutosajon jälkeiset tehtävät on tehty
    Oletetaan palvelunantajan aloittaneen prosessin "Organisaatiomuutos" Y-tunnukselle 2468234-1
    Ja avoinna on vain tehtävä "Kartoita vaikutukset Kanta-palveluiden liittymisiin", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Kartoita vaikutukset Kanta-palveluiden liittymisiin" tiedoilla:
      | business_id                        | 2468234-1                |
      | organisation_name                  | Hammashoitola Ranta Oy   |
      | change_date                        | tänään + 14 päivää       |
      | joiner_oid                         | 1.2.246.10.24682341.10.0 |
      | registrar_oid                      | 1.2.246.10.24682341.10.0 |
      | new_business_id                    | kyllä                    |
      | new_business_id_value              | 1572864-3                |
      | new_joiners                        | ei                       |
      | merger                             | ei                       |
      | documents_move_registrar           | kyllä                    |
      | new_registrar_oid                  | 1.2.246.10.15728643.10.0 |
      | new_registrar_is_this_organisation | ei                       |
      | is_independent_practitioner        | ei                       |
      | access_point_changes               | ei                       |
      | renewal_routing_changes            | ei                       |
      | joiner_stops                       | ei                       |
      | prescription_readiness             | ei                       |
      | prescription_service_in_use        | ei                       |
      | vendor_business_id                 | 2345678-0                |
    Niin avoimina ovat tehtävät:
      | osapuoli       | tehtävä                                                 |
      | uusi liittyjä  | Täydennä organisaation tiedot                           |
      | palvelunantaja | Ajoita rekisterinpitäjämuutos Kelan muutosajojen mukaan |
    Kun uusi liittyjä tekee tehtävän "Täydennä organisaation tiedot" tiedoilla:
      | organisation_kind    | private_provider |
      | licence              | health           |
      | system_kind          | none             |
      | writes_prescriptions | ei               |
      | vendor_business_id   | 2345678-0        |
    Niin vaihe "Ei liittymisvelvoitetta" on tehty
    Ja vaihetta "Liittyminen ja muutosajo tehty" ei ole tehty
    Ja avoinna on vain tehtävä "Ajoita rekisterinpitäjämuutos Kelan muutosajojen mukaan", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Ajoita rekisterinpitäjämuutos Kelan muutosajojen mukaan" tiedoilla:
      | registrar_change_batch_date | tänään + 14 päivää |
      | partners_agreed             | kyllä              |
    Niin avoimina ovat tehtävät:
      | osapuoli              | tehtävä                                           |
      | palvelunantaja        | Tee käyttöönottokoe ennen muutosta                |
      | palvelunantaja        | Tee rekisterinpitäjän muutosilmoitus              |
      | järjestelmätoimittaja | Tee vastaava rekisterinpitäjämuutos paikallisesti |
    Kun palvelunantaja tekee tehtävän "Tee käyttöönottokoe ennen muutosta" tiedoilla:
      | result      | skipped                                                             |
      | skip_reason | Siirrettävässä yksikössä ei ole vielä yhtään arkistoitua asiakirjaa |
    Niin avoimina ovat tehtävät:
      | osapuoli              | tehtävä                                           |
      | palvelunantaja        | Tee rekisterinpitäjän muutosilmoitus              |
      | järjestelmätoimittaja | Tee vastaava rekisterinpitäjämuutos paikallisesti |
    Kun palvelunantaja tekee tehtävän "Tee rekisterinpitäjän muutosilmoitus" tiedoilla:
      | notice_filed_on   | tänään                   |
      | old_registrar_oid | 1.2.246.10.24682341.10.0 |
      | new_registrar_oid | 1.2.246.10.15728643.10.0 |
    Niin odotetaan viestiä "Kelan rekisterinpitäjämuutosajo tehty"
    Ja avoinna on vain tehtävä "Tee vastaava rekisterinpitäjämuutos paikallisesti", jonka tekee järjestelmätoimittaja
    Kun Kela lähettää viestin "Kelan rekisterinpitäjämuutosajo tehty" tiedoilla:
      | batch_date        | tänään |
      | documents_updated | 860    |
    Niin avoinna on vain tehtävä "Tee vastaava rekisterinpitäjämuutos paikallisesti", jonka tekee järjestelmätoimittaja
    Ja viestejä ei odoteta
    Ja vaihetta "Liittyminen ja muutosajo tehty" ei ole tehty
    Kun järjestelmätoimittaja tekee tehtävän "Tee vastaava rekisterinpitäjämuutos paikallisesti" tiedoilla:
      | changed_on                 | tänään |
      | covers_data_before_joining | kyllä  |
    Niin vaihe "Liittyminen ja muutosajo tehty" on tehty kerran
    Ja avoinna on vain tehtävä "Varmista, ettei potilastietojärjestelmä lähetä aktiivi rekisterinpitäjä -tietoa", jonka tekee järjestelmätoimittaja
    Ja vaihetta "Tee uuden liittyjän käyttöönottokoe muutoksen jälkeen" ei ole tehty
    Ja vaihetta "Tee käyttöönottokoe muutoksen jälkeen" ei ole tehty
    Kun järjestelmätoimittaja tekee tehtävän "Varmista, ettei potilastietojärjestelmä lähetä aktiivi rekisterinpitäjä -tietoa" tiedoilla:
      | checked_on                        | tänään |
      | active_registrar_not_sent         | kyllä  |
      | returned_active_registrar_removed | kyllä  |
    Niin prosessi on päättynyt tapahtumaan "Organisaatiomuutos tehty"
    Ja tiedon "patient_data_repository_required" arvo on ei
    Ja vaihetta "Raportoi uuden liittyjän muutoksen jälkeen tekemä käyttöönottokoe Kelaan" ei ole tehty
    Ja vaihetta "Raportoi muutoksen jälkeen tehty käyttöönottokoe Kelaan" ei ole tehty
    Ja avoimia tehtäviä ei ole
    Ja ajastimia ei ole

  Tapaus: Kun uudella Y-tunnuksella liittyvä organisaatio tekee liittymisensä Potilastietovarannon käyttöönottokokeen Kelan muutosajon jälkeen ja raportoi sen liittymisessään, se on uuden liittyjän koe muutoksen jälkeen, eikä koetta kysytä toiste
    Oletetaan palvelunantajan aloittaneen prosessin "Organisaatiomuutos" Y-tunnukselle 2468232-5
    Ja avoinna on vain tehtävä "Kartoita vaikutukset Kanta-palveluiden liittymisiin", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Kartoita vaikutukset Kanta-palveluiden liittymisiin" tiedoilla:
      | business_id                        | 2468232-5                |
      | organisation_name                  | Lääkäriasema Kaste Oy    |
      | change_date                        | tänään + 14 päivää       |
      | joiner_oid                         | 1.2.246.10.24682325.10.0 |
      | registrar_oid                      | 1.2.246.10.24682325.10.0 |
      | new_business_id                    | kyllä                    |
      | new_business_id_value              | 1572862-7                |
      | new_joiners                        | ei                       |
      | merger                             | ei                       |
      | documents_move_registrar           | kyllä                    |
      | new_registrar_oid                  | 1.2.246.10.15728627.10.0 |
      | new_registrar_is_this_organisation | ei                       |
      | is_independent_practitioner        | ei                       |
      | access_point_changes               | ei                       |
      | renewal_routing_changes            | ei                       |
      | joiner_stops                       | ei                       |
      | prescription_readiness             | ei                       |
      | prescription_service_in_use        | ei                       |
      | vendor_business_id                 | 2345678-0                |
    Niin avoimina ovat tehtävät:
      | osapuoli       | tehtävä                                                 |
      | uusi liittyjä  | Täydennä organisaation tiedot                           |
      | palvelunantaja | Ajoita rekisterinpitäjämuutos Kelan muutosajojen mukaan |
    Kun palvelunantaja tekee tehtävän "Ajoita rekisterinpitäjämuutos Kelan muutosajojen mukaan" tiedoilla:
      | registrar_change_batch_date | tänään + 14 päivää |
      | partners_agreed             | kyllä              |
    Niin avoimina ovat tehtävät:
      | osapuoli              | tehtävä                                           |
      | uusi liittyjä         | Täydennä organisaation tiedot                     |
      | palvelunantaja        | Tee käyttöönottokoe ennen muutosta                |
      | palvelunantaja        | Tee rekisterinpitäjän muutosilmoitus              |
      | järjestelmätoimittaja | Tee vastaava rekisterinpitäjämuutos paikallisesti |
    Kun palvelunantaja tekee tehtävän "Tee käyttöönottokoe ennen muutosta" tiedoilla:
      | result      | skipped                                                             |
      | skip_reason | Siirrettävässä yksikössä ei ole vielä yhtään arkistoitua asiakirjaa |
    Niin avoimina ovat tehtävät:
      | osapuoli              | tehtävä                                           |
      | uusi liittyjä         | Täydennä organisaation tiedot                     |
      | palvelunantaja        | Tee rekisterinpitäjän muutosilmoitus              |
      | järjestelmätoimittaja | Tee vastaava rekisterinpitäjämuutos paikallisesti |
    Kun palvelunantaja tekee tehtävän "Tee rekisterinpitäjän muutosilmoitus" tiedoilla:
      | notice_filed_on   | tänään                   |
      | old_registrar_oid | 1.2.246.10.24682325.10.0 |
      | new_registrar_oid | 1.2.246.10.15728627.10.0 |
    Niin odotetaan viestejä "Kelan rekisterinpitäjämuutosajo tehty" ja "Potilastietovaranto otettu käyttöön"
    Ja avoimina ovat tehtävät:
      | osapuoli              | tehtävä                                           |
      | uusi liittyjä         | Täydennä organisaation tiedot                     |
      | järjestelmätoimittaja | Tee vastaava rekisterinpitäjämuutos paikallisesti |
    Kun Kela lähettää viestin "Kelan rekisterinpitäjämuutosajo tehty" tiedoilla:
      | batch_date        | tänään - 1 päivä |
      | documents_updated | 340              |
    Niin avoimina ovat tehtävät:
      | osapuoli              | tehtävä                                           |
      | uusi liittyjä         | Täydennä organisaation tiedot                     |
      | järjestelmätoimittaja | Tee vastaava rekisterinpitäjämuutos paikallisesti |
    Ja odotetaan viestiä "Potilastietovaranto otettu käyttöön"
    Kun järjestelmätoimittaja tekee tehtävän "Tee vastaava rekisterinpitäjämuutos paikallisesti" tiedoilla:
      | changed_on                 | tänään - 1 päivä |
      | covers_data_before_joining | kyllä            |
    Niin avoimina ovat tehtävät:
      | osapuoli              | tehtävä                                                                         |
      | uusi liittyjä         | Täydennä organisaation tiedot                                                   |
      | järjestelmätoimittaja | Varmista, ettei potilastietojärjestelmä lähetä aktiivi rekisterinpitäjä -tietoa |
    Kun järjestelmätoimittaja tekee tehtävän "Varmista, ettei potilastietojärjestelmä lähetä aktiivi rekisterinpitäjä -tietoa" tiedoilla:
      | checked_on                        | tänään |
      | active_registrar_not_sent         | kyllä  |
      | returned_active_registrar_removed | kyllä  |
    Niin avoinna on vain tehtävä "Täydennä organisaation tiedot", jonka tekee uusi liittyjä
    Ja vaihetta "Tee uuden liittyjän käyttöönottokoe muutoksen jälkeen" ei ole tehty
    Kun uusi liittyjä tekee tehtävän "Täydennä organisaation tiedot" tiedoilla:
      | organisation_kind    | private_provider |
      | licence              | health           |
      | system_kind          | patient_system   |
      | writes_prescriptions | ei               |
      | vendor_business_id   | 2345678-0        |
    Niin avoinna on vain tehtävä "Valitse liittymismalli", jonka tekee uusi liittyjä
    Kun uusi liittyjä tekee tehtävän "Valitse liittymismalli" tiedoilla:
      | joining_model | direct |
    Niin avoimina ovat tehtävät:
      | osapuoli              | tehtävä                                              |
      | järjestelmätoimittaja | Vahvista sertifioitu järjestelmä ja liityntäpiste    |
      | uusi liittyjä         | Tee tietoturvasuunnitelma                            |
      | uusi liittyjä         | Ota yhteyttä järjestelmätoimittajaan                 |
      | uusi liittyjä         | Selvitä Kanta-asiakkuus ja terveydenhuollon sitoumus |
    Kun uusi liittyjä tekee tehtävän "Ota yhteyttä järjestelmätoimittajaan" tiedoilla:
      | vendor_name        | Ajas Oy   |
      | contacted_on       | tänään    |
      | vendor_business_id | 2345678-0 |
    Niin avoimina ovat tehtävät:
      | osapuoli              | tehtävä                                              |
      | järjestelmätoimittaja | Vahvista sertifioitu järjestelmä ja liityntäpiste    |
      | järjestelmätoimittaja | Lähetä valmisteluohjeet                              |
      | uusi liittyjä         | Tee tietoturvasuunnitelma                            |
      | uusi liittyjä         | Selvitä Kanta-asiakkuus ja terveydenhuollon sitoumus |
    Kun järjestelmätoimittaja tekee tehtävän "Lähetä valmisteluohjeet" tiedoilla:
      | instructions_sent_on | tänään  |
      | system_name          | eRA     |
      | system_certified     | kyllä   |
      | intermediary_name    | Ajas Oy |
    Niin avoimina ovat tehtävät:
      | osapuoli              | tehtävä                                              |
      | järjestelmätoimittaja | Vahvista sertifioitu järjestelmä ja liityntäpiste    |
      | uusi liittyjä         | Tee tietoturvasuunnitelma                            |
      | uusi liittyjä         | Tee valmistelevat tehtävät                           |
      | uusi liittyjä         | Selvitä Kanta-asiakkuus ja terveydenhuollon sitoumus |
    Kun uusi liittyjä tekee tehtävän "Tee valmistelevat tehtävät" tiedoilla:
      | access_point              | intermediary             |
      | customer_data_in_extranet | kyllä                    |
      | organisation_oid          | 1.2.246.10.15728627.10.0 |
    Niin avoimina ovat tehtävät:
      | osapuoli              | tehtävä                                              |
      | järjestelmätoimittaja | Vahvista sertifioitu järjestelmä ja liityntäpiste    |
      | uusi liittyjä         | Tee tietoturvasuunnitelma                            |
      | uusi liittyjä         | Selvitä Kanta-asiakkuus ja terveydenhuollon sitoumus |
    Kun uusi liittyjä tekee tehtävän "Tee tietoturvasuunnitelma" tiedoilla:
      | security_plan_date               | tänään |
      | self_monitoring_in_place         | kyllä  |
      | covers_independent_practitioners | ei     |
    Niin avoimina ovat tehtävät:
      | osapuoli              | tehtävä                                              |
      | järjestelmätoimittaja | Vahvista sertifioitu järjestelmä ja liityntäpiste    |
      | uusi liittyjä         | Selvitä Kanta-asiakkuus ja terveydenhuollon sitoumus |
    Kun järjestelmätoimittaja tekee tehtävän "Vahvista sertifioitu järjestelmä ja liityntäpiste" tiedoilla:
      | system_name       | eRA                          |
      | system_certified  | kyllä                        |
      | intermediary_name | Ajas Oy                      |
      | access_point_oid  | 1.2.246.537.6.918.18.10.13.1 |
    Niin avoinna on vain tehtävä "Selvitä Kanta-asiakkuus ja terveydenhuollon sitoumus", jonka tekee uusi liittyjä
    Ja järjestelmätyö "Tarkista rekisteritiedot" odottaa
    Kun uusi liittyjä tekee järjestelmätyön "Tarkista rekisteritiedot" tiedoilla:
      | register               | sote_organisation_register |
      | organisation_oid       | 1.2.246.10.15728627.10.0   |
      | register_entries_valid | kyllä                      |
      | checked_on             | tänään                     |
    Niin avoimina ovat tehtävät:
      | osapuoli      | tehtävä                                              |
      | uusi liittyjä | Tee liittymishakemus Kanta Ekstranetissä             |
      | uusi liittyjä | Selvitä Kanta-asiakkuus ja terveydenhuollon sitoumus |
    Kun uusi liittyjä tekee tehtävän "Tee liittymishakemus Kanta Ekstranetissä" tiedoilla:
      | system_name       | eRA                          |
      | access_point_oid  | 1.2.246.537.6.918.18.10.13.1 |
      | application_date  | tänään                       |
      | planned_test_date | tänään                       |
    Niin odotetaan viestejä "Kelan päätös Potilastietovarannon hakemukseen" ja "Potilastietovaranto otettu käyttöön"
    Ja avoinna on vain tehtävä "Selvitä Kanta-asiakkuus ja terveydenhuollon sitoumus", jonka tekee uusi liittyjä
    Kun uusi liittyjä tekee tehtävän "Selvitä Kanta-asiakkuus ja terveydenhuollon sitoumus" tiedoilla:
      | existing_kanta_customer | ei            |
      | commitment_accepted_on  | tänään        |
      | signatory_name          | Aino Virtanen |
      | commitment_accepted     | kyllä         |
    Niin odotetaan viestejä "Kelan päätös Potilastietovarannon hakemukseen" ja "Potilastietovaranto otettu käyttöön"
    Ja avoimia tehtäviä ei ole
    Kun Kela lähettää viestin "Kelan päätös Potilastietovarannon hakemukseen" tiedoilla:
      | decision | approved |
    Niin avoinna on vain tehtävä "Toimita Kelan testihenkilötunnukset", jonka tekee järjestelmätoimittaja
    Kun järjestelmätoimittaja tekee tehtävän "Toimita Kelan testihenkilötunnukset" tiedoilla:
      | test_person_ids_delivered_on | tänään |
    Niin avoinna on vain tehtävä "Tee käyttöönottokoe", jonka tekee uusi liittyjä
    Kun uusi liittyjä tekee tehtävän "Tee käyttöönottokoe" tiedoilla:
      | test_date   | tänään |
      | test_result | passed |
    Niin avoinna on vain tehtävä "Raportoi käyttöönottokoe Kelaan", jonka tekee uusi liittyjä
    Ja vaihetta "Liittyminen ja muutosajo tehty" ei ole tehty
    Kun uusi liittyjä tekee tehtävän "Raportoi käyttöönottokoe Kelaan" tiedoilla:
      | report_sent_on | tänään |
    Niin prosessi on päättynyt tapahtumaan "Organisaatiomuutos tehty"
    Ja vaihe "Kanta-palveluihin liitytty" on tehty
    Ja vaihe "Liittyminen ja muutosajo tehty" on tehty kerran
    Ja vaihe "Raportoi käyttöönottokoe Kelaan" on tehty kerran
    Ja vaihetta "Tee uuden liittyjän käyttöönottokoe muutoksen jälkeen" ei ole tehty
    Ja vaihetta "Raportoi uuden liittyjän muutoksen jälkeen tekemä käyttöönottokoe Kelaan" ei ole tehty
    Ja avoimia tehtäviä ei ole
    Ja ajastimia ei ole

  Tapaus: Kun uudella Y-tunnuksella liittyvän organisaation Potilastietovarannon käyttöönottokoe tehdään Kelan muutosajon päivänä, sitä ei voi erottaa ennen muutosajoa tehdystä, joten uusi liittyjä tekee kokeen muutoksen jälkeen liittymisensä jälkeen ja raportoi sen itse
    Oletetaan palvelunantajan aloittaneen prosessin "Organisaatiomuutos" Y-tunnukselle 2468233-3
    Ja avoinna on vain tehtävä "Kartoita vaikutukset Kanta-palveluiden liittymisiin", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Kartoita vaikutukset Kanta-palveluiden liittymisiin" tiedoilla:
      | business_id                        | 2468233-3                |
      | organisation_name                  | Lääkäriasema Kaste Länsi Oy    |
      | change_date                        | tänään + 14 päivää       |
      | joiner_oid                         | 1.2.246.10.24682333.10.0 |
      | registrar_oid                      | 1.2.246.10.24682333.10.0 |
      | new_business_id                    | kyllä                    |
      | new_business_id_value              | 1572863-5                |
      | new_joiners                        | ei                       |
      | merger                             | ei                       |
      | documents_move_registrar           | kyllä                    |
      | new_registrar_oid                  | 1.2.246.10.15728635.10.0 |
      | new_registrar_is_this_organisation | ei                       |
      | is_independent_practitioner        | ei                       |
      | access_point_changes               | ei                       |
      | renewal_routing_changes            | ei                       |
      | joiner_stops                       | ei                       |
      | prescription_readiness             | ei                       |
      | prescription_service_in_use        | ei                       |
      | vendor_business_id                 | 2345678-0                |
    Niin avoimina ovat tehtävät:
      | osapuoli       | tehtävä                                                 |
      | uusi liittyjä  | Täydennä organisaation tiedot                           |
      | palvelunantaja | Ajoita rekisterinpitäjämuutos Kelan muutosajojen mukaan |
    Kun palvelunantaja tekee tehtävän "Ajoita rekisterinpitäjämuutos Kelan muutosajojen mukaan" tiedoilla:
      | registrar_change_batch_date | tänään + 14 päivää |
      | partners_agreed             | kyllä              |
    Niin avoimina ovat tehtävät:
      | osapuoli              | tehtävä                                           |
      | uusi liittyjä         | Täydennä organisaation tiedot                     |
      | palvelunantaja        | Tee käyttöönottokoe ennen muutosta                |
      | palvelunantaja        | Tee rekisterinpitäjän muutosilmoitus              |
      | järjestelmätoimittaja | Tee vastaava rekisterinpitäjämuutos paikallisesti |
    Kun palvelunantaja tekee tehtävän "Tee käyttöönottokoe ennen muutosta" tiedoilla:
      | result      | skipped                                                             |
      | skip_reason | Siirrettävässä yksikössä ei ole vielä yhtään arkistoitua asiakirjaa |
    Niin avoimina ovat tehtävät:
      | osapuoli              | tehtävä                                           |
      | uusi liittyjä         | Täydennä organisaation tiedot                     |
      | palvelunantaja        | Tee rekisterinpitäjän muutosilmoitus              |
      | järjestelmätoimittaja | Tee vastaava rekisterinpitäjämuutos paikallisesti |
    Kun palvelunantaja tekee tehtävän "Tee rekisterinpitäjän muutosilmoitus" tiedoilla:
      | notice_filed_on   | tänään                   |
      | old_registrar_oid | 1.2.246.10.24682333.10.0 |
      | new_registrar_oid | 1.2.246.10.15728635.10.0 |
    Niin odotetaan viestejä "Kelan rekisterinpitäjämuutosajo tehty" ja "Potilastietovaranto otettu käyttöön"
    Ja avoimina ovat tehtävät:
      | osapuoli              | tehtävä                                           |
      | uusi liittyjä         | Täydennä organisaation tiedot                     |
      | järjestelmätoimittaja | Tee vastaava rekisterinpitäjämuutos paikallisesti |
    Kun Kela lähettää viestin "Kelan rekisterinpitäjämuutosajo tehty" tiedoilla:
      | batch_date        | tänään |
      | documents_updated | 340    |
    Niin avoimina ovat tehtävät:
      | osapuoli              | tehtävä                                           |
      | uusi liittyjä         | Täydennä organisaation tiedot                     |
      | järjestelmätoimittaja | Tee vastaava rekisterinpitäjämuutos paikallisesti |
    Ja odotetaan viestiä "Potilastietovaranto otettu käyttöön"
    Kun järjestelmätoimittaja tekee tehtävän "Tee vastaava rekisterinpitäjämuutos paikallisesti" tiedoilla:
      | changed_on                 | tänään - 1 päivä |
      | covers_data_before_joining | kyllä            |
    Niin avoimina ovat tehtävät:
      | osapuoli              | tehtävä                                                                         |
      | uusi liittyjä         | Täydennä organisaation tiedot                                                   |
      | järjestelmätoimittaja | Varmista, ettei potilastietojärjestelmä lähetä aktiivi rekisterinpitäjä -tietoa |
    Kun järjestelmätoimittaja tekee tehtävän "Varmista, ettei potilastietojärjestelmä lähetä aktiivi rekisterinpitäjä -tietoa" tiedoilla:
      | checked_on                        | tänään |
      | active_registrar_not_sent         | kyllä  |
      | returned_active_registrar_removed | kyllä  |
    Niin avoinna on vain tehtävä "Täydennä organisaation tiedot", jonka tekee uusi liittyjä
    Ja vaihetta "Tee uuden liittyjän käyttöönottokoe muutoksen jälkeen" ei ole tehty
    Kun uusi liittyjä tekee tehtävän "Täydennä organisaation tiedot" tiedoilla:
      | organisation_kind    | private_provider |
      | licence              | health           |
      | system_kind          | patient_system   |
      | writes_prescriptions | ei               |
      | vendor_business_id   | 2345678-0        |
    Niin avoinna on vain tehtävä "Valitse liittymismalli", jonka tekee uusi liittyjä
    Kun uusi liittyjä tekee tehtävän "Valitse liittymismalli" tiedoilla:
      | joining_model | direct |
    Niin avoimina ovat tehtävät:
      | osapuoli              | tehtävä                                              |
      | järjestelmätoimittaja | Vahvista sertifioitu järjestelmä ja liityntäpiste    |
      | uusi liittyjä         | Tee tietoturvasuunnitelma                            |
      | uusi liittyjä         | Ota yhteyttä järjestelmätoimittajaan                 |
      | uusi liittyjä         | Selvitä Kanta-asiakkuus ja terveydenhuollon sitoumus |
    Kun uusi liittyjä tekee tehtävän "Ota yhteyttä järjestelmätoimittajaan" tiedoilla:
      | vendor_name        | Ajas Oy   |
      | contacted_on       | tänään    |
      | vendor_business_id | 2345678-0 |
    Niin avoimina ovat tehtävät:
      | osapuoli              | tehtävä                                              |
      | järjestelmätoimittaja | Vahvista sertifioitu järjestelmä ja liityntäpiste    |
      | järjestelmätoimittaja | Lähetä valmisteluohjeet                              |
      | uusi liittyjä         | Tee tietoturvasuunnitelma                            |
      | uusi liittyjä         | Selvitä Kanta-asiakkuus ja terveydenhuollon sitoumus |
    Kun järjestelmätoimittaja tekee tehtävän "Lähetä valmisteluohjeet" tiedoilla:
      | instructions_sent_on | tänään  |
      | system_name          | eRA     |
      | system_certified     | kyllä   |
      | intermediary_name    | Ajas Oy |
    Niin avoimina ovat tehtävät:
      | osapuoli              | tehtävä                                              |
      | järjestelmätoimittaja | Vahvista sertifioitu järjestelmä ja liityntäpiste    |
      | uusi liittyjä         | Tee tietoturvasuunnitelma                            |
      | uusi liittyjä         | Tee valmistelevat tehtävät                           |
      | uusi liittyjä         | Selvitä Kanta-asiakkuus ja terveydenhuollon sitoumus |
    Kun uusi liittyjä tekee tehtävän "Tee valmistelevat tehtävät" tiedoilla:
      | access_point              | intermediary             |
      | customer_data_in_extranet | kyllä                    |
      | organisation_oid          | 1.2.246.10.15728635.10.0 |
    Niin avoimina ovat tehtävät:
      | osapuoli              | tehtävä                                              |
      | järjestelmätoimittaja | Vahvista sertifioitu järjestelmä ja liityntäpiste    |
      | uusi liittyjä         | Tee tietoturvasuunnitelma                            |
      | uusi liittyjä         | Selvitä Kanta-asiakkuus ja terveydenhuollon sitoumus |
    Kun uusi liittyjä tekee tehtävän "Tee tietoturvasuunnitelma" tiedoilla:
      | security_plan_date               | tänään |
      | self_monitoring_in_place         | kyllä  |
      | covers_independent_practitioners | ei     |
    Niin avoimina ovat tehtävät:
      | osapuoli              | tehtävä                                              |
      | järjestelmätoimittaja | Vahvista sertifioitu järjestelmä ja liityntäpiste    |
      | uusi liittyjä         | Selvitä Kanta-asiakkuus ja terveydenhuollon sitoumus |
    Kun järjestelmätoimittaja tekee tehtävän "Vahvista sertifioitu järjestelmä ja liityntäpiste" tiedoilla:
      | system_name       | eRA                          |
      | system_certified  | kyllä                        |
      | intermediary_name | Ajas Oy                      |
      | access_point_oid  | 1.2.246.537.6.918.18.10.13.1 |
    Niin avoinna on vain tehtävä "Selvitä Kanta-asiakkuus ja terveydenhuollon sitoumus", jonka tekee uusi liittyjä
    Ja järjestelmätyö "Tarkista rekisteritiedot" odottaa
    Kun uusi liittyjä tekee järjestelmätyön "Tarkista rekisteritiedot" tiedoilla:
      | register               | sote_organisation_register |
      | organisation_oid       | 1.2.246.10.15728635.10.0   |
      | register_entries_valid | kyllä                      |
      | checked_on             | tänään                     |
    Niin avoimina ovat tehtävät:
      | osapuoli      | tehtävä                                              |
      | uusi liittyjä | Tee liittymishakemus Kanta Ekstranetissä             |
      | uusi liittyjä | Selvitä Kanta-asiakkuus ja terveydenhuollon sitoumus |
    Kun uusi liittyjä tekee tehtävän "Tee liittymishakemus Kanta Ekstranetissä" tiedoilla:
      | system_name       | eRA                          |
      | access_point_oid  | 1.2.246.537.6.918.18.10.13.1 |
      | application_date  | tänään                       |
      | planned_test_date | tänään                       |
    Niin odotetaan viestejä "Kelan päätös Potilastietovarannon hakemukseen" ja "Potilastietovaranto otettu käyttöön"
    Ja avoinna on vain tehtävä "Selvitä Kanta-asiakkuus ja terveydenhuollon sitoumus", jonka tekee uusi liittyjä
    Kun uusi liittyjä tekee tehtävän "Selvitä Kanta-asiakkuus ja terveydenhuollon sitoumus" tiedoilla:
      | existing_kanta_customer | ei            |
      | commitment_accepted_on  | tänään        |
      | signatory_name          | Aino Virtanen |
      | commitment_accepted     | kyllä         |
    Niin odotetaan viestejä "Kelan päätös Potilastietovarannon hakemukseen" ja "Potilastietovaranto otettu käyttöön"
    Ja avoimia tehtäviä ei ole
    Kun Kela lähettää viestin "Kelan päätös Potilastietovarannon hakemukseen" tiedoilla:
      | decision | approved |
    Niin avoinna on vain tehtävä "Toimita Kelan testihenkilötunnukset", jonka tekee järjestelmätoimittaja
    Kun järjestelmätoimittaja tekee tehtävän "Toimita Kelan testihenkilötunnukset" tiedoilla:
      | test_person_ids_delivered_on | tänään |
    Niin avoinna on vain tehtävä "Tee käyttöönottokoe", jonka tekee uusi liittyjä
    Kun uusi liittyjä tekee tehtävän "Tee käyttöönottokoe" tiedoilla:
      | test_date   | tänään |
      | test_result | passed |
    Niin avoinna on vain tehtävä "Raportoi käyttöönottokoe Kelaan", jonka tekee uusi liittyjä
    Ja vaihetta "Liittyminen ja muutosajo tehty" ei ole tehty
    Kun uusi liittyjä tekee tehtävän "Raportoi käyttöönottokoe Kelaan" tiedoilla:
      | report_sent_on | tänään |
    Niin vaihe "Kanta-palveluihin liitytty" on tehty
    Ja vaihe "Liittyminen ja muutosajo tehty" on tehty kerran
    Ja avoinna on vain tehtävä "Tee uuden liittyjän käyttöönottokoe muutoksen jälkeen", jonka tekee palvelunantaja uudella Y-tunnuksella
    Kun palvelunantaja uudella Y-tunnuksella tekee tehtävän "Tee uuden liittyjän käyttöönottokoe muutoksen jälkeen" tiedoilla:
      | test_date               | tänään |
      | result                  | passed |
      | documents_moved_checked | kyllä  |
    Niin avoinna on vain tehtävä "Raportoi uuden liittyjän muutoksen jälkeen tekemä käyttöönottokoe Kelaan", jonka tekee palvelunantaja uudella Y-tunnuksella
    Ja ajastin "Uuden liittyjän koeraportin määräaika ylittynyt" laukeaa 3 päivän kuluttua
    Kun palvelunantaja uudella Y-tunnuksella tekee tehtävän "Raportoi uuden liittyjän muutoksen jälkeen tekemä käyttöönottokoe Kelaan" tiedoilla:
      | report_date         | tänään |
      | report_sent_to_kela | kyllä  |
    Niin prosessi on päättynyt tapahtumaan "Organisaatiomuutos tehty"
    Ja vaihe "Raportoi käyttöönottokoe Kelaan" on tehty kerran
    Ja vaihetta "Pyydä puuttuvaa koeraporttia" ei ole tehty
    Ja avoimia tehtäviä ei ole
    Ja ajastimia ei ole

  Tapaus: Uudella Y-tunnuksella liittyvän organisaation koe muutoksen jälkeen avautuu heti, kun Potilastietovaranto on otettu käyttöön uudella Y-tunnuksella ja Kelan muutosajo on tehty, eikä se odota liittymisen muiden osien, kuten terveydenhuollon sitoumuksen, valmistumista
    Oletetaan palvelunantajan aloittaneen prosessin "Organisaatiomuutos" Y-tunnukselle 2468240-5
    Ja avoinna on vain tehtävä "Kartoita vaikutukset Kanta-palveluiden liittymisiin", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Kartoita vaikutukset Kanta-palveluiden liittymisiin" tiedoilla:
      | business_id                        | 2468240-5                |
      | organisation_name                  | Lääkäriasema Kaste Itä Oy      |
      | change_date                        | tänään + 14 päivää       |
      | joiner_oid                         | 1.2.246.10.24682405.10.0 |
      | registrar_oid                      | 1.2.246.10.24682405.10.0 |
      | new_business_id                    | kyllä                    |
      | new_business_id_value              | 1572870-7                |
      | new_joiners                        | ei                       |
      | merger                             | ei                       |
      | documents_move_registrar           | kyllä                    |
      | new_registrar_oid                  | 1.2.246.10.15728707.10.0 |
      | new_registrar_is_this_organisation | ei                       |
      | is_independent_practitioner        | ei                       |
      | access_point_changes               | ei                       |
      | renewal_routing_changes            | ei                       |
      | joiner_stops                       | ei                       |
      | prescription_readiness             | ei                       |
      | prescription_service_in_use        | ei                       |
      | vendor_business_id                 | 2345678-0                |
    Niin avoimina ovat tehtävät:
      | osapuoli       | tehtävä                                                 |
      | uusi liittyjä  | Täydennä organisaation tiedot                           |
      | palvelunantaja | Ajoita rekisterinpitäjämuutos Kelan muutosajojen mukaan |
    Kun palvelunantaja tekee tehtävän "Ajoita rekisterinpitäjämuutos Kelan muutosajojen mukaan" tiedoilla:
      | registrar_change_batch_date | tänään + 14 päivää |
      | partners_agreed             | kyllä              |
    Niin avoimina ovat tehtävät:
      | osapuoli              | tehtävä                                           |
      | uusi liittyjä         | Täydennä organisaation tiedot                     |
      | palvelunantaja        | Tee käyttöönottokoe ennen muutosta                |
      | palvelunantaja        | Tee rekisterinpitäjän muutosilmoitus              |
      | järjestelmätoimittaja | Tee vastaava rekisterinpitäjämuutos paikallisesti |
    Kun palvelunantaja tekee tehtävän "Tee käyttöönottokoe ennen muutosta" tiedoilla:
      | result      | skipped                                                             |
      | skip_reason | Siirrettävässä yksikössä ei ole vielä yhtään arkistoitua asiakirjaa |
    Niin avoimina ovat tehtävät:
      | osapuoli              | tehtävä                                           |
      | uusi liittyjä         | Täydennä organisaation tiedot                     |
      | palvelunantaja        | Tee rekisterinpitäjän muutosilmoitus              |
      | järjestelmätoimittaja | Tee vastaava rekisterinpitäjämuutos paikallisesti |
    Kun palvelunantaja tekee tehtävän "Tee rekisterinpitäjän muutosilmoitus" tiedoilla:
      | notice_filed_on   | tänään                   |
      | old_registrar_oid | 1.2.246.10.24682405.10.0 |
      | new_registrar_oid | 1.2.246.10.15728707.10.0 |
    Niin odotetaan viestejä "Kelan rekisterinpitäjämuutosajo tehty" ja "Potilastietovaranto otettu käyttöön"
    Ja avoimina ovat tehtävät:
      | osapuoli              | tehtävä                                           |
      | uusi liittyjä         | Täydennä organisaation tiedot                     |
      | järjestelmätoimittaja | Tee vastaava rekisterinpitäjämuutos paikallisesti |
    Kun Kela lähettää viestin "Kelan rekisterinpitäjämuutosajo tehty" tiedoilla:
      | batch_date        | tänään |
      | documents_updated | 340    |
    Niin avoimina ovat tehtävät:
      | osapuoli              | tehtävä                                           |
      | uusi liittyjä         | Täydennä organisaation tiedot                     |
      | järjestelmätoimittaja | Tee vastaava rekisterinpitäjämuutos paikallisesti |
    Ja odotetaan viestiä "Potilastietovaranto otettu käyttöön"
    Kun järjestelmätoimittaja tekee tehtävän "Tee vastaava rekisterinpitäjämuutos paikallisesti" tiedoilla:
      | changed_on                 | tänään - 1 päivä |
      | covers_data_before_joining | kyllä            |
    Niin avoimina ovat tehtävät:
      | osapuoli              | tehtävä                                                                         |
      | uusi liittyjä         | Täydennä organisaation tiedot                                                   |
      | järjestelmätoimittaja | Varmista, ettei potilastietojärjestelmä lähetä aktiivi rekisterinpitäjä -tietoa |
    Kun järjestelmätoimittaja tekee tehtävän "Varmista, ettei potilastietojärjestelmä lähetä aktiivi rekisterinpitäjä -tietoa" tiedoilla:
      | checked_on                        | tänään |
      | active_registrar_not_sent         | kyllä  |
      | returned_active_registrar_removed | kyllä  |
    Niin avoinna on vain tehtävä "Täydennä organisaation tiedot", jonka tekee uusi liittyjä
    Ja vaihetta "Tee uuden liittyjän käyttöönottokoe muutoksen jälkeen" ei ole tehty
    Kun uusi liittyjä tekee tehtävän "Täydennä organisaation tiedot" tiedoilla:
      | organisation_kind    | private_provider |
      | licence              | health           |
      | system_kind          | patient_system   |
      | writes_prescriptions | ei               |
      | vendor_business_id   | 2345678-0        |
    Niin avoinna on vain tehtävä "Valitse liittymismalli", jonka tekee uusi liittyjä
    Kun uusi liittyjä tekee tehtävän "Valitse liittymismalli" tiedoilla:
      | joining_model | direct |
    Niin avoimina ovat tehtävät:
      | osapuoli              | tehtävä                                              |
      | järjestelmätoimittaja | Vahvista sertifioitu järjestelmä ja liityntäpiste    |
      | uusi liittyjä         | Tee tietoturvasuunnitelma                            |
      | uusi liittyjä         | Ota yhteyttä järjestelmätoimittajaan                 |
      | uusi liittyjä         | Selvitä Kanta-asiakkuus ja terveydenhuollon sitoumus |
    Kun uusi liittyjä tekee tehtävän "Ota yhteyttä järjestelmätoimittajaan" tiedoilla:
      | vendor_name        | Ajas Oy   |
      | contacted_on       | tänään    |
      | vendor_business_id | 2345678-0 |
    Niin avoimina ovat tehtävät:
      | osapuoli              | tehtävä                                              |
      | järjestelmätoimittaja | Vahvista sertifioitu järjestelmä ja liityntäpiste    |
      | järjestelmätoimittaja | Lähetä valmisteluohjeet                              |
      | uusi liittyjä         | Tee tietoturvasuunnitelma                            |
      | uusi liittyjä         | Selvitä Kanta-asiakkuus ja terveydenhuollon sitoumus |
    Kun järjestelmätoimittaja tekee tehtävän "Lähetä valmisteluohjeet" tiedoilla:
      | instructions_sent_on | tänään  |
      | system_name          | eRA     |
      | system_certified     | kyllä   |
      | intermediary_name    | Ajas Oy |
    Niin avoimina ovat tehtävät:
      | osapuoli              | tehtävä                                              |
      | järjestelmätoimittaja | Vahvista sertifioitu järjestelmä ja liityntäpiste    |
      | uusi liittyjä         | Tee tietoturvasuunnitelma                            |
      | uusi liittyjä         | Tee valmistelevat tehtävät                           |
      | uusi liittyjä         | Selvitä Kanta-asiakkuus ja terveydenhuollon sitoumus |
    Kun uusi liittyjä tekee tehtävän "Tee valmistelevat tehtävät" tiedoilla:
      | access_point              | intermediary             |
      | customer_data_in_extranet | kyllä                    |
      | organisation_oid          | 1.2.246.10.15728707.10.0 |
    Niin avoimina ovat tehtävät:
      | osapuoli              | tehtävä                                              |
      | järjestelmätoimittaja | Vahvista sertifioitu järjestelmä ja liityntäpiste    |
      | uusi liittyjä         | Tee tietoturvasuunnitelma                            |
      | uusi liittyjä         | Selvitä Kanta-asiakkuus ja terveydenhuollon sitoumus |
    Kun uusi liittyjä tekee tehtävän "Tee tietoturvasuunnitelma" tiedoilla:
      | security_plan_date               | tänään |
      | self_monitoring_in_place         | kyllä  |
      | covers_independent_practitioners | ei     |
    Niin avoimina ovat tehtävät:
      | osapuoli              | tehtävä                                              |
      | järjestelmätoimittaja | Vahvista sertifioitu järjestelmä ja liityntäpiste    |
      | uusi liittyjä         | Selvitä Kanta-asiakkuus ja terveydenhuollon sitoumus |
    Kun järjestelmätoimittaja tekee tehtävän "Vahvista sertifioitu järjestelmä ja liityntäpiste" tiedoilla:
      | system_name       | eRA                          |
      | system_certified  | kyllä                        |
      | intermediary_name | Ajas Oy                      |
      | access_point_oid  | 1.2.246.537.6.918.18.10.13.1 |
    Niin avoinna on vain tehtävä "Selvitä Kanta-asiakkuus ja terveydenhuollon sitoumus", jonka tekee uusi liittyjä
    Ja järjestelmätyö "Tarkista rekisteritiedot" odottaa
    Kun uusi liittyjä tekee järjestelmätyön "Tarkista rekisteritiedot" tiedoilla:
      | register               | sote_organisation_register |
      | organisation_oid       | 1.2.246.10.15728707.10.0   |
      | register_entries_valid | kyllä                      |
      | checked_on             | tänään                     |
    Niin avoimina ovat tehtävät:
      | osapuoli      | tehtävä                                              |
      | uusi liittyjä | Tee liittymishakemus Kanta Ekstranetissä             |
      | uusi liittyjä | Selvitä Kanta-asiakkuus ja terveydenhuollon sitoumus |
    Kun uusi liittyjä tekee tehtävän "Tee liittymishakemus Kanta Ekstranetissä" tiedoilla:
      | system_name       | eRA                          |
      | access_point_oid  | 1.2.246.537.6.918.18.10.13.1 |
      | application_date  | tänään                       |
      | planned_test_date | tänään                       |
    Niin odotetaan viestejä "Kelan päätös Potilastietovarannon hakemukseen" ja "Potilastietovaranto otettu käyttöön"
    Ja avoinna on vain tehtävä "Selvitä Kanta-asiakkuus ja terveydenhuollon sitoumus", jonka tekee uusi liittyjä
    Kun Kela lähettää viestin "Kelan päätös Potilastietovarannon hakemukseen" tiedoilla:
      | decision | approved |
    Niin avoimina ovat tehtävät:
      | osapuoli              | tehtävä                                              |
      | järjestelmätoimittaja | Toimita Kelan testihenkilötunnukset                  |
      | uusi liittyjä         | Selvitä Kanta-asiakkuus ja terveydenhuollon sitoumus |
    Kun järjestelmätoimittaja tekee tehtävän "Toimita Kelan testihenkilötunnukset" tiedoilla:
      | test_person_ids_delivered_on | tänään |
    Niin avoimina ovat tehtävät:
      | osapuoli              | tehtävä                                              |
      | uusi liittyjä         | Tee käyttöönottokoe                                  |
      | uusi liittyjä         | Selvitä Kanta-asiakkuus ja terveydenhuollon sitoumus |
    Kun uusi liittyjä tekee tehtävän "Tee käyttöönottokoe" tiedoilla:
      | test_date   | tänään |
      | test_result | passed |
    Niin avoimina ovat tehtävät:
      | osapuoli              | tehtävä                                              |
      | uusi liittyjä         | Raportoi käyttöönottokoe Kelaan                      |
      | uusi liittyjä         | Selvitä Kanta-asiakkuus ja terveydenhuollon sitoumus |
    Ja vaihetta "Liittyminen ja muutosajo tehty" ei ole tehty
    Ja odotetaan viestiä "Potilastietovaranto otettu käyttöön"
    Kun uusi liittyjä tekee tehtävän "Raportoi käyttöönottokoe Kelaan" tiedoilla:
      | report_sent_on | tänään |
    Niin vaihe "Potilastietovaranto otettu käyttöön uudella Y-tunnuksella" on tehty kerran
    Ja vaihe "Liittyminen ja muutosajo tehty" on tehty kerran
    Ja vaihetta "Kanta-palveluihin liitytty" ei ole tehty
    Ja avoimina ovat tehtävät:
      | osapuoli                             | tehtävä                                              |
      | palvelunantaja uudella Y-tunnuksella | Tee uuden liittyjän käyttöönottokoe muutoksen jälkeen |
      | uusi liittyjä                        | Selvitä Kanta-asiakkuus ja terveydenhuollon sitoumus |
    Ja viestejä ei odoteta
    Kun palvelunantaja uudella Y-tunnuksella tekee tehtävän "Tee uuden liittyjän käyttöönottokoe muutoksen jälkeen" tiedoilla:
      | test_date               | tänään |
      | result                  | passed |
      | documents_moved_checked | kyllä  |
    Niin avoimina ovat tehtävät:
      | osapuoli                             | tehtävä                                                                  |
      | palvelunantaja uudella Y-tunnuksella | Raportoi uuden liittyjän muutoksen jälkeen tekemä käyttöönottokoe Kelaan |
      | uusi liittyjä                        | Selvitä Kanta-asiakkuus ja terveydenhuollon sitoumus                     |
    Ja vaihetta "Kanta-palveluihin liitytty" ei ole tehty
    Kun palvelunantaja uudella Y-tunnuksella tekee tehtävän "Raportoi uuden liittyjän muutoksen jälkeen tekemä käyttöönottokoe Kelaan" tiedoilla:
      | report_date         | tänään |
      | report_sent_to_kela | kyllä  |
    Niin avoinna on vain tehtävä "Selvitä Kanta-asiakkuus ja terveydenhuollon sitoumus", jonka tekee uusi liittyjä
    Ja vaihetta "Kanta-palveluihin liitytty" ei ole tehty
    Kun uusi liittyjä tekee tehtävän "Selvitä Kanta-asiakkuus ja terveydenhuollon sitoumus" tiedoilla:
      | existing_kanta_customer | ei            |
      | commitment_accepted_on  | tänään        |
      | signatory_name          | Aino Virtanen |
      | commitment_accepted     | kyllä         |
    Niin prosessi on päättynyt tapahtumaan "Organisaatiomuutos tehty"
    Ja vaihe "Kanta-palveluihin liitytty" on tehty
    Ja vaihe "Raportoi käyttöönottokoe Kelaan" on tehty kerran
    Ja vaihetta "Pyydä puuttuvaa koeraporttia" ei ole tehty
    Ja avoimia tehtäviä ei ole
    Ja ajastimia ei ole

  Tapaus: Muutosilmoitus tehdään odottamatta koetta; ennen muutosta tehty koe raportoidaan Kelaan, ja myöhästyneestä raportista Kela muistuttaa; aiempi liittyjä voi jättää kokeen muutoksen jälkeen tekemättä perustellen, jolloin siitä ei raportoida; asiakas ilmoitti liityntäpisteen ajoissa ennen sen omaa, organisaatiomuutosta aiempaa muutospäivää; asiakirjat siirtyvät toisen organisaation rekisteriin, joten niiden muutokset eivät ole muutoksen tekevän organisaation tehtävä
    Oletetaan palvelunantajan aloittaneen prosessin "Organisaatiomuutos" Y-tunnukselle 2468223-7
    Ja avoinna on vain tehtävä "Kartoita vaikutukset Kanta-palveluiden liittymisiin", jonka tekee palvelunantaja
    Kun palvelunantaja yrittää tehdä tehtävän "Kartoita vaikutukset Kanta-palveluiden liittymisiin" tiedoilla:
      | business_id                        | 2468223-7                |
      | organisation_name                  | Kuntoutus Kallio Oy      |
      | change_date                        | tänään + 30 päivää       |
      | joiner_oid                         | 1.2.246.10.24682237.10.0 |
      | registrar_oid                      | 1.2.246.10.24682237.10.0 |
      | new_business_id                    | ei                       |
      | new_joiners                        | ei                       |
      | merger                             | ei                       |
      | documents_move_registrar           | kyllä                    |
      | new_registrar_oid                  | 1.2.246.10.15728600.10.0 |
      | new_registrar_is_this_organisation | ei                       |
      | is_independent_practitioner        | ei                       |
      | access_point_changes               | kyllä                    |
      | access_point_filed_by              | customer                 |
      | renewal_routing_changes            | ei                       |
      | joiner_stops                       | ei                       |
      | prescription_readiness             | ei                       |
      | prescription_service_in_use        | ei                       |
      | vendor_business_id                 | 2345678-0                |
      | intermediary_business_id           | 2938470-6                |
    Niin lomake hylätään kentän "access_point_change_date" kohdalta
    Ja avoinna on vain tehtävä "Kartoita vaikutukset Kanta-palveluiden liittymisiin", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Kartoita vaikutukset Kanta-palveluiden liittymisiin" tiedoilla:
      | business_id                        | 2468223-7                |
      | organisation_name                  | Kuntoutus Kallio Oy      |
      | change_date                        | tänään + 30 päivää       |
      | joiner_oid                         | 1.2.246.10.24682237.10.0 |
      | registrar_oid                      | 1.2.246.10.24682237.10.0 |
      | new_business_id                    | ei                       |
      | new_joiners                        | ei                       |
      | merger                             | ei                       |
      | documents_move_registrar           | kyllä                    |
      | new_registrar_oid                  | 1.2.246.10.15728600.10.0 |
      | new_registrar_is_this_organisation | ei                       |
      | is_independent_practitioner        | ei                       |
      | access_point_changes               | kyllä                    |
      | access_point_change_date           | tänään + 20 päivää       |
      | access_point_filed_by              | customer                 |
      | renewal_routing_changes            | ei                       |
      | joiner_stops                       | ei                       |
      | prescription_readiness             | ei                       |
      | prescription_service_in_use        | ei                       |
      | vendor_business_id                 | 2345678-0                |
      | intermediary_business_id           | 2938470-6                |
    Niin ajastin "Liityntäpisteilmoitus myöhässä" laukeaa 7 päivän kuluttua
    Ja avoimina ovat tehtävät:
      | osapuoli       | tehtävä                                                 |
      | palvelunantaja | Tee liityntäpisteen muutosilmoitus                      |
      | palvelunantaja | Ajoita rekisterinpitäjämuutos Kelan muutosajojen mukaan |
    Kun palvelunantaja yrittää tehdä tehtävän "Tee liityntäpisteen muutosilmoitus" tiedoilla:
      | new_access_point_oid         | 1.2.246.10.24682237.99.1 |
      | server_certificates_obtained | kyllä                    |
      | filed_on                     | tänään                   |
    Niin lomake hylätään kentän "ip_addresses" kohdalta
    Kun palvelunantaja tekee tehtävän "Tee liityntäpisteen muutosilmoitus" tiedoilla:
      | new_access_point_oid         | 1.2.246.10.24682237.99.1     |
      | ip_addresses                 | ["192.0.2.40", "192.0.2.41"] |
      | dns_name                     | kanta.kallio.example.fi      |
      | server_certificates_obtained | kyllä                        |
      | filed_on                     | tänään                       |
    Niin ajastimia ei ole
    Ja vaihetta "Huomioi liityntäpisteilmoituksen myöhästyminen" ei ole tehty
    Ja avoinna on vain tehtävä "Ajoita rekisterinpitäjämuutos Kelan muutosajojen mukaan", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Ajoita rekisterinpitäjämuutos Kelan muutosajojen mukaan" tiedoilla:
      | registrar_change_batch_date | tänään + 14 päivää |
      | partners_agreed             | kyllä              |
    Niin avoimina ovat tehtävät:
      | osapuoli              | tehtävä                                           |
      | palvelunantaja        | Tee käyttöönottokoe ennen muutosta                |
      | palvelunantaja        | Tee rekisterinpitäjän muutosilmoitus              |
      | järjestelmätoimittaja | Tee vastaava rekisterinpitäjämuutos paikallisesti |
    Kun palvelunantaja tekee tehtävän "Tee rekisterinpitäjän muutosilmoitus" tiedoilla:
      | notice_filed_on   | tänään                   |
      | old_registrar_oid | 1.2.246.10.24682237.10.0 |
      | new_registrar_oid | 1.2.246.10.15728600.10.0 |
    Niin odotetaan viestiä "Kelan rekisterinpitäjämuutosajo tehty"
    Ja avoimina ovat tehtävät:
      | osapuoli              | tehtävä                                           |
      | palvelunantaja        | Tee käyttöönottokoe ennen muutosta                |
      | järjestelmätoimittaja | Tee vastaava rekisterinpitäjämuutos paikallisesti |
    Kun palvelunantaja tekee tehtävän "Tee käyttöönottokoe ennen muutosta" tiedoilla:
      | test_date | tänään - 2 päivää |
      | result    | passed            |
    Niin ajastin "Ennen muutosta tehdyn kokeen raportti myöhässä" laukeaa 1 päivän kuluttua
    Ja avoimina ovat tehtävät:
      | osapuoli              | tehtävä                                              |
      | palvelunantaja        | Raportoi ennen muutosta tehty käyttöönottokoe Kelaan |
      | järjestelmätoimittaja | Tee vastaava rekisterinpitäjämuutos paikallisesti    |
    Kun aikaa on kulunut yksi päivä
    Niin ajastin "Ennen muutosta tehdyn kokeen raportti myöhässä" on lauennut kerran
    Ja avoimina ovat tehtävät:
      | osapuoli              | tehtävä                                                    |
      | palvelunantaja        | Raportoi ennen muutosta tehty käyttöönottokoe Kelaan       |
      | järjestelmätoimittaja | Tee vastaava rekisterinpitäjämuutos paikallisesti          |
      | Kela                  | Pyydä puuttuvaa raporttia ennen muutosta tehdystä kokeesta |
    Kun Kela tekee tehtävän "Pyydä puuttuvaa raporttia ennen muutosta tehdystä kokeesta" tiedoilla:
      | reminded_on | tänään |
      | channel     | phone  |
    Niin vaihe "Muistutus ennen muutosta tehdyn kokeen raportista lähetetty" on tehty kerran
    Ja avoimina ovat tehtävät:
      | osapuoli              | tehtävä                                              |
      | palvelunantaja        | Raportoi ennen muutosta tehty käyttöönottokoe Kelaan |
      | järjestelmätoimittaja | Tee vastaava rekisterinpitäjämuutos paikallisesti    |
    Kun palvelunantaja tekee tehtävän "Raportoi ennen muutosta tehty käyttöönottokoe Kelaan" tiedoilla:
      | report_date         | tänään |
      | report_sent_to_kela | kyllä  |
    Niin avoinna on vain tehtävä "Tee vastaava rekisterinpitäjämuutos paikallisesti", jonka tekee järjestelmätoimittaja
    Ja ajastimia ei ole
    Kun Kela lähettää viestin "Kelan rekisterinpitäjämuutosajo tehty" tiedoilla:
      | batch_date        | tänään |
      | documents_updated | 730    |
    Niin avoinna on vain tehtävä "Tee vastaava rekisterinpitäjämuutos paikallisesti", jonka tekee järjestelmätoimittaja
    Ja viestejä ei odoteta
    Kun järjestelmätoimittaja tekee tehtävän "Tee vastaava rekisterinpitäjämuutos paikallisesti" tiedoilla:
      | changed_on                 | tänään |
      | covers_data_before_joining | kyllä  |
    Niin avoimina ovat tehtävät:
      | osapuoli              | tehtävä                                                                         |
      | palvelunantaja        | Tee käyttöönottokoe muutoksen jälkeen                                           |
      | järjestelmätoimittaja | Varmista, ettei potilastietojärjestelmä lähetä aktiivi rekisterinpitäjä -tietoa |
    Ja vaihetta "Huomioi, että koe ennen muutosta on vielä tekemättä" ei ole tehty
    Kun palvelunantaja yrittää tehdä tehtävän "Tee käyttöönottokoe muutoksen jälkeen" tiedoilla:
      | result | skipped |
    Niin lomake hylätään kentän "skip_reason" kohdalta
    Ja avoimina ovat tehtävät:
      | osapuoli              | tehtävä                                                                         |
      | palvelunantaja        | Tee käyttöönottokoe muutoksen jälkeen                                           |
      | järjestelmätoimittaja | Varmista, ettei potilastietojärjestelmä lähetä aktiivi rekisterinpitäjä -tietoa |
    Kun palvelunantaja tekee tehtävän "Tee käyttöönottokoe muutoksen jälkeen" tiedoilla:
      | result      | skipped                                                        |
      | skip_reason | Tallennus tarkistettiin muutosajon jälkeen tuotantoseurannalla |
    Niin avoinna on vain tehtävä "Varmista, ettei potilastietojärjestelmä lähetä aktiivi rekisterinpitäjä -tietoa", jonka tekee järjestelmätoimittaja
    Ja prosessi on käynnissä
    Kun järjestelmätoimittaja tekee tehtävän "Varmista, ettei potilastietojärjestelmä lähetä aktiivi rekisterinpitäjä -tietoa" tiedoilla:
      | checked_on                        | tänään |
      | active_registrar_not_sent         | kyllä  |
      | returned_active_registrar_removed | kyllä  |
    Niin prosessi on päättynyt tapahtumiin:
      | Muistutus ennen muutosta tehdyn kokeen raportista lähetetty |
      | Organisaatiomuutos tehty                                    |
    Ja ajastimia ei ole
    Ja vaihetta "Raportoi muutoksen jälkeen tehty käyttöönottokoe Kelaan" ei ole tehty
    Ja vaihetta "Hoida siirrettyjen asiakirjojen muutokset uutena rekisterinpitäjänä" ei ole tehty

  Tapaus: Kun asiakirjat eivät siirry toiselle rekisterinpitäjälle, muutoksen jälkeistä koetta ei tehdä, eikä mikään odota uudella Y-tunnuksella käyttöön otettua Potilastietovarantoa: tieto käyttöönotosta kuullaan, ja liittyminen jatkuu omana tehtäväketjunaan loppuun
    Oletetaan palvelunantajan aloittaneen prosessin "Organisaatiomuutos" Y-tunnukselle 2468245-6
    Ja avoinna on vain tehtävä "Kartoita vaikutukset Kanta-palveluiden liittymisiin", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Kartoita vaikutukset Kanta-palveluiden liittymisiin" tiedoilla:
      | business_id                 | 2468245-6                |
      | organisation_name           | Lääkäriasema Kaste Etelä Oy |
      | change_date                 | tänään + 30 päivää       |
      | joiner_oid                  | 1.2.246.10.24682456.10.0 |
      | registrar_oid               | 1.2.246.10.24682456.10.0 |
      | new_business_id             | kyllä                    |
      | new_business_id_value       | 1572871-5                |
      | new_joiners                 | ei                       |
      | merger                      | ei                       |
      | documents_move_registrar    | ei                       |
      | is_independent_practitioner | ei                       |
      | access_point_changes        | ei                       |
      | renewal_routing_changes     | ei                       |
      | joiner_stops                | ei                       |
      | prescription_readiness      | ei                       |
      | prescription_service_in_use | ei                       |
      | vendor_business_id          | 2345678-0                |
    Niin avoinna on vain tehtävä "Täydennä organisaation tiedot", jonka tekee uusi liittyjä
    Ja odotetaan viestiä "Potilastietovaranto otettu käyttöön"
    Kun uusi liittyjä tekee tehtävän "Täydennä organisaation tiedot" tiedoilla:
      | organisation_kind    | private_provider |
      | licence              | health           |
      | system_kind          | patient_system   |
      | writes_prescriptions | ei               |
      | vendor_business_id   | 2345678-0        |
    Niin avoinna on vain tehtävä "Valitse liittymismalli", jonka tekee uusi liittyjä
    Kun uusi liittyjä tekee tehtävän "Valitse liittymismalli" tiedoilla:
      | joining_model | direct |
    Niin avoimina ovat tehtävät:
      | osapuoli              | tehtävä                                              |
      | järjestelmätoimittaja | Vahvista sertifioitu järjestelmä ja liityntäpiste    |
      | uusi liittyjä         | Tee tietoturvasuunnitelma                            |
      | uusi liittyjä         | Ota yhteyttä järjestelmätoimittajaan                 |
      | uusi liittyjä         | Selvitä Kanta-asiakkuus ja terveydenhuollon sitoumus |
    Kun uusi liittyjä tekee tehtävän "Ota yhteyttä järjestelmätoimittajaan" tiedoilla:
      | vendor_name        | Ajas Oy   |
      | contacted_on       | tänään    |
      | vendor_business_id | 2345678-0 |
    Niin avoimina ovat tehtävät:
      | osapuoli              | tehtävä                                              |
      | järjestelmätoimittaja | Vahvista sertifioitu järjestelmä ja liityntäpiste    |
      | järjestelmätoimittaja | Lähetä valmisteluohjeet                              |
      | uusi liittyjä         | Tee tietoturvasuunnitelma                            |
      | uusi liittyjä         | Selvitä Kanta-asiakkuus ja terveydenhuollon sitoumus |
    Kun järjestelmätoimittaja tekee tehtävän "Lähetä valmisteluohjeet" tiedoilla:
      | instructions_sent_on | tänään  |
      | system_name          | eRA     |
      | system_certified     | kyllä   |
      | intermediary_name    | Ajas Oy |
    Niin avoimina ovat tehtävät:
      | osapuoli              | tehtävä                                              |
      | järjestelmätoimittaja | Vahvista sertifioitu järjestelmä ja liityntäpiste    |
      | uusi liittyjä         | Tee tietoturvasuunnitelma                            |
      | uusi liittyjä         | Tee valmistelevat tehtävät                           |
      | uusi liittyjä         | Selvitä Kanta-asiakkuus ja terveydenhuollon sitoumus |
    Kun uusi liittyjä tekee tehtävän "Tee valmistelevat tehtävät" tiedoilla:
      | access_point              | intermediary             |
      | customer_data_in_extranet | kyllä                    |
      | organisation_oid          | 1.2.246.10.15728715.10.0 |
    Niin avoimina ovat tehtävät:
      | osapuoli              | tehtävä                                              |
      | järjestelmätoimittaja | Vahvista sertifioitu järjestelmä ja liityntäpiste    |
      | uusi liittyjä         | Tee tietoturvasuunnitelma                            |
      | uusi liittyjä         | Selvitä Kanta-asiakkuus ja terveydenhuollon sitoumus |
    Kun uusi liittyjä tekee tehtävän "Tee tietoturvasuunnitelma" tiedoilla:
      | security_plan_date               | tänään |
      | self_monitoring_in_place         | kyllä  |
      | covers_independent_practitioners | ei     |
    Niin avoimina ovat tehtävät:
      | osapuoli              | tehtävä                                              |
      | järjestelmätoimittaja | Vahvista sertifioitu järjestelmä ja liityntäpiste    |
      | uusi liittyjä         | Selvitä Kanta-asiakkuus ja terveydenhuollon sitoumus |
    Kun järjestelmätoimittaja tekee tehtävän "Vahvista sertifioitu järjestelmä ja liityntäpiste" tiedoilla:
      | system_name       | eRA                          |
      | system_certified  | kyllä                        |
      | intermediary_name | Ajas Oy                      |
      | access_point_oid  | 1.2.246.537.6.918.18.10.13.1 |
    Niin avoinna on vain tehtävä "Selvitä Kanta-asiakkuus ja terveydenhuollon sitoumus", jonka tekee uusi liittyjä
    Ja järjestelmätyö "Tarkista rekisteritiedot" odottaa
    Kun uusi liittyjä tekee järjestelmätyön "Tarkista rekisteritiedot" tiedoilla:
      | register               | sote_organisation_register |
      | organisation_oid       | 1.2.246.10.15728715.10.0   |
      | register_entries_valid | kyllä                      |
      | checked_on             | tänään                     |
    Niin avoimina ovat tehtävät:
      | osapuoli      | tehtävä                                              |
      | uusi liittyjä | Tee liittymishakemus Kanta Ekstranetissä             |
      | uusi liittyjä | Selvitä Kanta-asiakkuus ja terveydenhuollon sitoumus |
    Kun uusi liittyjä tekee tehtävän "Tee liittymishakemus Kanta Ekstranetissä" tiedoilla:
      | system_name       | eRA                          |
      | access_point_oid  | 1.2.246.537.6.918.18.10.13.1 |
      | application_date  | tänään                       |
      | planned_test_date | tänään                       |
    Niin odotetaan viestejä "Kelan päätös Potilastietovarannon hakemukseen" ja "Potilastietovaranto otettu käyttöön"
    Ja avoinna on vain tehtävä "Selvitä Kanta-asiakkuus ja terveydenhuollon sitoumus", jonka tekee uusi liittyjä
    Kun Kela lähettää viestin "Kelan päätös Potilastietovarannon hakemukseen" tiedoilla:
      | decision | approved |
    Niin avoimina ovat tehtävät:
      | osapuoli              | tehtävä                                              |
      | järjestelmätoimittaja | Toimita Kelan testihenkilötunnukset                  |
      | uusi liittyjä         | Selvitä Kanta-asiakkuus ja terveydenhuollon sitoumus |
    Kun järjestelmätoimittaja tekee tehtävän "Toimita Kelan testihenkilötunnukset" tiedoilla:
      | test_person_ids_delivered_on | tänään |
    Niin avoimina ovat tehtävät:
      | osapuoli              | tehtävä                                              |
      | uusi liittyjä         | Tee käyttöönottokoe                                  |
      | uusi liittyjä         | Selvitä Kanta-asiakkuus ja terveydenhuollon sitoumus |
    Kun uusi liittyjä tekee tehtävän "Tee käyttöönottokoe" tiedoilla:
      | test_date   | tänään |
      | test_result | passed |
    Niin avoimina ovat tehtävät:
      | osapuoli              | tehtävä                                              |
      | uusi liittyjä         | Raportoi käyttöönottokoe Kelaan                      |
      | uusi liittyjä         | Selvitä Kanta-asiakkuus ja terveydenhuollon sitoumus |
    Ja vaihetta "Liittyminen ja muutosajo tehty" ei ole tehty
    Ja odotetaan viestiä "Potilastietovaranto otettu käyttöön"
    Kun uusi liittyjä tekee tehtävän "Raportoi käyttöönottokoe Kelaan" tiedoilla:
      | report_sent_on | tänään |
    Niin vaihe "Potilastietovaranto otettu käyttöön uudella Y-tunnuksella" on tehty kerran
    Ja vaihe "Käyttöönottoa ei odoteta" on tehty kerran
    Ja vaihetta "Liittyminen ja muutosajo tehty" ei ole tehty
    Ja vaihetta "Kanta-palveluihin liitytty" ei ole tehty
    Ja avoinna on vain tehtävä "Selvitä Kanta-asiakkuus ja terveydenhuollon sitoumus", jonka tekee uusi liittyjä
    Ja viestejä ei odoteta
    Kun uusi liittyjä tekee tehtävän "Selvitä Kanta-asiakkuus ja terveydenhuollon sitoumus" tiedoilla:
      | existing_kanta_customer | ei            |
      | commitment_accepted_on  | tänään        |
      | signatory_name          | Aino Virtanen |
      | commitment_accepted     | kyllä         |
    Niin prosessi on päättynyt tapahtumiin:
      | Organisaatiomuutos tehty  |
      | Käyttöönottoa ei odoteta  |
    Ja vaihe "Kanta-palveluihin liitytty" on tehty
    Ja vaihetta "Tee uuden liittyjän käyttöönottokoe muutoksen jälkeen" ei ole tehty
    Ja vaihetta "Tee käyttöönottokoe muutoksen jälkeen" ei ole tehty
    Ja avoimia tehtäviä ei ole
    Ja ajastimia ei ole

  Tapaus: Kun uudella Y-tunnuksella liittyvä organisaatio liittyy Potilastietovarantoon yhteisliittymän jäsenenä pääliittyjän kautta, se ei tee omaa käyttöönottoa, ja koe muutoksen jälkeen odottaa liittymisen loppua: uutena liittyjänä se tekee rekisterinpitäjän vaihdon jälkeen uuden liittyjän kokeen uudella Y-tunnuksellaan ja raportoi sen
    Oletetaan palvelunantajan aloittaneen prosessin "Organisaatiomuutos" Y-tunnukselle 2468246-4
    Ja avoinna on vain tehtävä "Kartoita vaikutukset Kanta-palveluiden liittymisiin", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Kartoita vaikutukset Kanta-palveluiden liittymisiin" tiedoilla:
      | business_id                        | 2468246-4                |
      | organisation_name                  | Lääkäriasema Kaste Pohjoinen Oy |
      | change_date                        | tänään + 14 päivää       |
      | joiner_oid                         | 1.2.246.10.24682464.10.0 |
      | registrar_oid                      | 1.2.246.10.24682464.10.0 |
      | new_business_id                    | kyllä                    |
      | new_business_id_value              | 1572872-3                |
      | new_joiners                        | ei                       |
      | merger                             | ei                       |
      | documents_move_registrar           | kyllä                    |
      | new_registrar_oid                  | 1.2.246.10.15728723.10.0 |
      | new_registrar_is_this_organisation | ei                       |
      | is_independent_practitioner        | ei                       |
      | access_point_changes               | ei                       |
      | renewal_routing_changes            | ei                       |
      | joiner_stops                       | ei                       |
      | prescription_readiness             | ei                       |
      | prescription_service_in_use        | ei                       |
      | vendor_business_id                 | 2345678-0                |
    Niin avoimina ovat tehtävät:
      | osapuoli       | tehtävä                                                 |
      | uusi liittyjä  | Täydennä organisaation tiedot                           |
      | palvelunantaja | Ajoita rekisterinpitäjämuutos Kelan muutosajojen mukaan |
    Kun uusi liittyjä tekee tehtävän "Täydennä organisaation tiedot" tiedoilla:
      | organisation_kind    | private_provider |
      | licence              | health           |
      | system_kind          | patient_system   |
      | writes_prescriptions | ei               |
      | vendor_business_id   | 2345678-0        |
    Niin avoimina ovat tehtävät:
      | osapuoli       | tehtävä                                                 |
      | uusi liittyjä  | Valitse liittymismalli                                  |
      | palvelunantaja | Ajoita rekisterinpitäjämuutos Kelan muutosajojen mukaan |
    Ja tiedon "patient_data_repository_required" arvo on kyllä
    Kun uusi liittyjä tekee tehtävän "Valitse liittymismalli" tiedoilla:
      | joining_model           | joint_member |
      | main_joiner_business_id | 0737546-2    |
    Niin avoimina ovat tehtävät:
      | osapuoli              | tehtävä                                                 |
      | uusi liittyjä         | Tee tietoturvasuunnitelma                               |
      | uusi liittyjä         | Sovi yhteisliittymisestä pääliittyjän kanssa            |
      | palvelunantaja        | Ajoita rekisterinpitäjämuutos Kelan muutosajojen mukaan |
    Ja järjestelmätyö "Tarkista rekisteritiedot" odottaa
    Ja vaihetta "Liity Potilastietovarantoon" ei ole tehty
    Kun uusi liittyjä tekee järjestelmätyön "Tarkista rekisteritiedot" tiedoilla:
      | register               | sote_organisation_register |
      | organisation_oid       | 1.2.246.10.15728723.10.0   |
      | register_entries_valid | kyllä                      |
      | checked_on             | tänään                     |
    Niin avoimina ovat tehtävät:
      | osapuoli              | tehtävä                                                 |
      | uusi liittyjä         | Tee tietoturvasuunnitelma                               |
      | uusi liittyjä         | Sovi yhteisliittymisestä pääliittyjän kanssa            |
      | palvelunantaja        | Ajoita rekisterinpitäjämuutos Kelan muutosajojen mukaan |
    Kun uusi liittyjä tekee tehtävän "Sovi yhteisliittymisestä pääliittyjän kanssa" tiedoilla:
      | contract_signed_on           | tänään                   |
      | responsibilities_in_contract | kyllä                    |
      | service_provision            | self_paying_clients_only |
    Niin avoimina ovat tehtävät:
      | osapuoli       | tehtävä                                                 |
      | uusi liittyjä  | Tee tietoturvasuunnitelma                               |
      | palvelunantaja | Ajoita rekisterinpitäjämuutos Kelan muutosajojen mukaan |
    Kun uusi liittyjä tekee tehtävän "Tee tietoturvasuunnitelma" tiedoilla:
      | security_plan_date               | tänään |
      | self_monitoring_in_place         | kyllä  |
      | covers_independent_practitioners | ei     |
    Niin vaihe "Liittynyt pääliittyjän kautta" on tehty
    Ja vaihetta "Liity Potilastietovarantoon" ei ole tehty
    Ja vaihetta "Potilastietovaranto otettu käyttöön uudella Y-tunnuksella" ei ole tehty
    Ja avoinna on vain tehtävä "Ajoita rekisterinpitäjämuutos Kelan muutosajojen mukaan", jonka tekee palvelunantaja
    Ja viestejä ei odoteta
    Kun palvelunantaja tekee tehtävän "Ajoita rekisterinpitäjämuutos Kelan muutosajojen mukaan" tiedoilla:
      | registrar_change_batch_date | tänään + 14 päivää |
      | partners_agreed             | kyllä              |
    Niin avoimina ovat tehtävät:
      | osapuoli              | tehtävä                                           |
      | palvelunantaja        | Tee käyttöönottokoe ennen muutosta                |
      | palvelunantaja        | Tee rekisterinpitäjän muutosilmoitus              |
      | järjestelmätoimittaja | Tee vastaava rekisterinpitäjämuutos paikallisesti |
    Kun palvelunantaja tekee tehtävän "Tee käyttöönottokoe ennen muutosta" tiedoilla:
      | result      | skipped                                                             |
      | skip_reason | Siirrettävässä yksikössä ei ole vielä yhtään arkistoitua asiakirjaa |
    Niin avoimina ovat tehtävät:
      | osapuoli              | tehtävä                                           |
      | palvelunantaja        | Tee rekisterinpitäjän muutosilmoitus              |
      | järjestelmätoimittaja | Tee vastaava rekisterinpitäjämuutos paikallisesti |
    Kun palvelunantaja tekee tehtävän "Tee rekisterinpitäjän muutosilmoitus" tiedoilla:
      | notice_filed_on   | tänään                   |
      | old_registrar_oid | 1.2.246.10.24682464.10.0 |
      | new_registrar_oid | 1.2.246.10.15728723.10.0 |
    Niin odotetaan viestiä "Kelan rekisterinpitäjämuutosajo tehty"
    Ja avoinna on vain tehtävä "Tee vastaava rekisterinpitäjämuutos paikallisesti", jonka tekee järjestelmätoimittaja
    Kun Kela lähettää viestin "Kelan rekisterinpitäjämuutosajo tehty" tiedoilla:
      | batch_date        | tänään |
      | documents_updated | 120    |
    Niin avoinna on vain tehtävä "Tee vastaava rekisterinpitäjämuutos paikallisesti", jonka tekee järjestelmätoimittaja
    Ja viestejä ei odoteta
    Kun järjestelmätoimittaja tekee tehtävän "Tee vastaava rekisterinpitäjämuutos paikallisesti" tiedoilla:
      | changed_on                 | tänään |
      | covers_data_before_joining | kyllä  |
    Niin vaihe "Liittyminen ja muutosajo tehty" on tehty kerran
    Ja avoimina ovat tehtävät:
      | osapuoli                             | tehtävä                                                                         |
      | palvelunantaja uudella Y-tunnuksella | Tee uuden liittyjän käyttöönottokoe muutoksen jälkeen                           |
      | järjestelmätoimittaja                | Varmista, ettei potilastietojärjestelmä lähetä aktiivi rekisterinpitäjä -tietoa |
    Ja vaihetta "Tee käyttöönottokoe muutoksen jälkeen" ei ole tehty
    Kun palvelunantaja uudella Y-tunnuksella tekee tehtävän "Tee uuden liittyjän käyttöönottokoe muutoksen jälkeen" tiedoilla:
      | test_date               | tänään |
      | result                  | passed |
      | documents_moved_checked | kyllä  |
    Niin avoimina ovat tehtävät:
      | osapuoli                             | tehtävä                                                                         |
      | palvelunantaja uudella Y-tunnuksella | Raportoi uuden liittyjän muutoksen jälkeen tekemä käyttöönottokoe Kelaan        |
      | järjestelmätoimittaja                | Varmista, ettei potilastietojärjestelmä lähetä aktiivi rekisterinpitäjä -tietoa |
    Kun palvelunantaja uudella Y-tunnuksella tekee tehtävän "Raportoi uuden liittyjän muutoksen jälkeen tekemä käyttöönottokoe Kelaan" tiedoilla:
      | report_date         | tänään |
      | report_sent_to_kela | kyllä  |
    Niin avoinna on vain tehtävä "Varmista, ettei potilastietojärjestelmä lähetä aktiivi rekisterinpitäjä -tietoa", jonka tekee järjestelmätoimittaja
    Kun järjestelmätoimittaja tekee tehtävän "Varmista, ettei potilastietojärjestelmä lähetä aktiivi rekisterinpitäjä -tietoa" tiedoilla:
      | checked_on                        | tänään |
      | active_registrar_not_sent         | kyllä  |
      | returned_active_registrar_removed | kyllä  |
    Niin prosessi on päättynyt tapahtumaan "Organisaatiomuutos tehty"
    Ja vaihe "Tee uuden liittyjän käyttöönottokoe muutoksen jälkeen" on tehty kerran
    Ja vaihetta "Tee käyttöönottokoe muutoksen jälkeen" ei ole tehty
    Ja avoimia tehtäviä ei ole
    Ja ajastimia ei ole
