# language: fi
Ominaisuus: Kanta-palveluihin liittyminen järjestelmätoimittajan palvelupaketilla
  In English: a service provider joins Kanta with its system vendor's package (seed 000). The provider
  chooses the package, the vendor sends the delivery contract and the provider signs it; the provider makes sure,
  once, of its register entries and security plan (seeds 001, 004) and then
  applies for the Patient Data Repository naming the system eRA, as the vendor says, and the access point
  OID 1.2.246.537.6.918.18.10.13.1 and waits for Kela's decision on it; when it writes prescriptions (the Prescription
  service is then obligatory, seed 001) or otherwise wants prescriptions too (seed 000), it applies
  for the Prescription service separately beside it, and the two applications go on side by side, each after
  Kela's decision of its own, in either order. A refused
  application is corrected and sent again. A decision message without the decision is refused and changes
  nothing. Once the Patient Data Repository application is approved, as seed 001 says, its path ends with the
  deployment test together with the vendor and its report to Kela within two days of the test (otherwise Kela
  asks), without waiting for the Prescription decision. Once the Prescription application is filed, the provider
  carries out its own deployment tasks beside the wait for Kela's decision (seed 001: step 4 follows the Extranet
  actions); once the application is also approved, it may verify production readiness with the vendor (a failed
  verification is fixed or abandoned) and, beside it, runs the Prescription deployment test when it records a new
  system's first deployment or that Kela has asked for one (seed 004; no step waits for Kela to say so; a failed test
  is fixed by the vendor), and then starts using the Prescription service (seed 001); a passed test is reported within
  two days beside the start of use, which does not wait for the report (otherwise Kela asks). Kanta services are in
  use when both paths are done and a run Prescription test is reported. When signing, the provider may ask for the vendor's system description as an
  annex to its self-monitoring plan (seed 000 offers it); no step waits for it. A new Kanta customer accepts the
  health-care commitment beside the applications, as in the Patient Data Repository and Prescription onboardings (the
  organisation's own practice); only the end waits for it.

  Palvelunantaja valitsee palvelupaketin, järjestelmätoimittaja lähettää toimitussopimuksen ja
  palvelunantaja allekirjoittaa sen. Palvelunantaja varmistaa kerran rekisteritietonsa ja tietoturvasuunnitelmansa
  ja tekee sitten oman liittymishakemuksen
  Potilastietovarantoon (ent. Potilastiedon arkisto) järjestelmällä eRA ja liityntäpisteen OID:lla
  1.2.246.537.6.918.18.10.13.1 ja odottaa Kelan päätöstä; jos se laatii lääkemääräyksiä (silloin Resepti-palvelu on
  sille pakollinen) tai muuten haluaa myös reseptin, se tekee sen rinnalla
  Resepti-palveluun oman erillisen hakemuksen, ja kumpikin hakemus odottaa omaa päätöstään. Hylätty hakemus korjataan ja
  lähetetään uudelleen. Potilastietovarannon hakemuksen hyväksynnän jälkeen tehdään käyttöönottokoe yhdessä
  järjestelmätoimittajan kanssa ja lähetetään sen raportti Kelaan kahden päivän kuluessa kokeesta, Resepti-hakemuksen
  päätöstä odottamatta. Resepti-hakemuksen jälkeen palvelunantaja tekee omassa organisaatiossaan tarvittavat
  käyttöönoton tehtävät Kelan päätöstä odottaessaan, ja hakemuksen hyväksynnän jälkeen se voi varmistaa tuotantovalmiuden järjestelmätoimittajan kanssa, tekee sen rinnalla
  Resepti-palvelun käyttöönottokokeen, kun se kirjaa uuden järjestelmän ensimmäisen käyttöönoton tai Kelan pyytäneen
  koetta (epäonnistuneen korjaa järjestelmätoimittaja), ja aloittaa Resepti-palvelun käyttämisen; onnistunut koe
  raportoidaan Kelaan kahden päivän kuluessa käytön aloittamisen rinnalla. Kanta-palvelut ovat käytössä, kun kumpikin
  on tehty ja tehty Resepti-palvelun koe raportoitu. Allekirjoittaessaan
  palvelunantaja voi pyytää järjestelmätoimittajan järjestelmäkuvauksen omavalvontasuunnitelmansa liitteeksi. Uusi
  Kanta-asiakas hyväksyy terveydenhuollon sitoumuksen hakemusten rinnalla; vain käyttöönoton loppu odottaa sitä.

  Tausta:
    Oletetaan palvelunantajan aloittaneen prosessin "Kantaan liittyminen toimittajan paketilla" Y-tunnukselle 0737546-2
    Ja avoinna on vain tehtävä "Valitse Kanta-paketti", jonka tekee palvelunantaja

  Tapausaihio: Resepti-palveluun tehdään oma erillinen hakemus Potilastietovarannon hakemuksen rinnalla aina, kun organisaatio laatii lääkemääräyksiä, ja muuten, jos se haluaa (laatii: <laatii>, haluaa: <resepti>)
    Kun palvelunantaja tekee tehtävän "Valitse Kanta-paketti" tiedoilla:
      | organisation_name    | <organisaatio>         |
      | business_id          | 0737546-2              |
      | package_name         | Ajas ja Kanta -paketti |
      | writes_prescriptions | <laatii>               |
      | wants_prescription   | <resepti>              |
      | vendor_business_id   | 2345678-0              |
    Niin avoinna on vain tehtävä "Lähetä toimitussopimus", jonka tekee järjestelmätoimittaja
    Kun järjestelmätoimittaja tekee tehtävän "Lähetä toimitussopimus" tiedoilla:
      | contract_reference | TS-2026-118 |
      | contract_sent_on   | tänään      |
    Niin avoinna on vain tehtävä "Allekirjoita toimitussopimus", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Allekirjoita toimitussopimus" tiedoilla:
      | signatory_name | Aino Virtanen |
      | signed_on      | tänään        |
    Niin avoinna on vain tehtävä "Varmista rekisteritiedot ja tietoturvasuunnitelma", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Varmista rekisteritiedot ja tietoturvasuunnitelma" tiedoilla:
      | register_entries_valid  | kyllä |
      | security_plan_ready     | kyllä |
      | existing_kanta_customer | kyllä |
    Niin <hakemukset>
    Kun palvelunantaja tekee tehtävän "Tee liittymishakemus Potilastietovarantoon" tiedoilla:
      | system_name            | eRA                          |
      | access_point_oid       | 1.2.246.537.6.918.18.10.13.1 |
      | application_date       | tänään                       |
    Niin odotetaan viestiä "Kelan päätös Potilastietovarannon hakemukseen"
    Ja <odottaessa>
    Kun Kela lähettää viestin "Kelan päätös Potilastietovarannon hakemukseen" tiedoilla:
      | decision | approved |
    Niin <seuraavaksi>
    Ja viestejä ei odoteta

    Tapaukset:
      | organisaatio            | laatii | resepti | hakemukset | odottaessa | seuraavaksi |
      | Lääkärikeskus Aurora Oy | kyllä  | kyllä   | avoinna ovat vain tehtävät "Tee liittymishakemus Potilastietovarantoon", jonka tekee palvelunantaja, ja "Tee erillinen hakemus Resepti-palveluun", jonka tekee palvelunantaja | avoinna on vain tehtävä "Tee erillinen hakemus Resepti-palveluun", jonka tekee palvelunantaja | avoinna ovat vain tehtävät "Tee erillinen hakemus Resepti-palveluun", jonka tekee palvelunantaja, ja "Toimita Kelan testihenkilötunnukset", jonka tekee järjestelmätoimittaja |
      | Fysioterapia Aalto Oy   | ei     | kyllä   | avoinna ovat vain tehtävät "Tee liittymishakemus Potilastietovarantoon", jonka tekee palvelunantaja, ja "Tee erillinen hakemus Resepti-palveluun", jonka tekee palvelunantaja | avoinna on vain tehtävä "Tee erillinen hakemus Resepti-palveluun", jonka tekee palvelunantaja | avoinna ovat vain tehtävät "Tee erillinen hakemus Resepti-palveluun", jonka tekee palvelunantaja, ja "Toimita Kelan testihenkilötunnukset", jonka tekee järjestelmätoimittaja |
      | Fysioterapia Aalto Oy   | ei     | ei      | avoinna on vain tehtävä "Tee liittymishakemus Potilastietovarantoon", jonka tekee palvelunantaja | avoimia tehtäviä ei ole | avoinna on vain tehtävä "Toimita Kelan testihenkilötunnukset", jonka tekee järjestelmätoimittaja |

  Tapaus: Kumpikin hakemus odottaa omaa päätöstään rinnakkain, Kela hylkää ensin kummankin, ja käyttöönottokoe uusitaan korjauksen jälkeen
    Kun palvelunantaja yrittää tehdä tehtävän "Valitse Kanta-paketti" tiedoilla:
      | organisation_name    | Lääkärikeskus Aurora Oy |
      | business_id          | 0737546-2               |
      | package_name         | Ajas ja Kanta -paketti  |
      | writes_prescriptions | kyllä                   |
      | wants_prescription   | ei                      |
      | vendor_business_id   | 2345678-0               |
    Niin lomake hylätään kentän "wants_prescription" kohdalta
    Ja avoinna on vain tehtävä "Valitse Kanta-paketti", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Valitse Kanta-paketti" tiedoilla:
      | organisation_name    | Lääkärikeskus Aurora Oy |
      | business_id          | 0737546-2               |
      | package_name         | Ajas ja Kanta -paketti  |
      | writes_prescriptions | kyllä                   |
      | wants_prescription   | kyllä                   |
      | vendor_business_id   | 2345678-0               |
    Niin avoinna on vain tehtävä "Lähetä toimitussopimus", jonka tekee järjestelmätoimittaja
    Kun järjestelmätoimittaja tekee tehtävän "Lähetä toimitussopimus" tiedoilla:
      | contract_reference | TS-2026-118 |
      | contract_sent_on   | tänään      |
    Niin avoinna on vain tehtävä "Allekirjoita toimitussopimus", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Allekirjoita toimitussopimus" tiedoilla:
      | signatory_name | Aino Virtanen |
      | signed_on      | tänään        |
    Niin avoinna on vain tehtävä "Varmista rekisteritiedot ja tietoturvasuunnitelma", jonka tekee palvelunantaja
    Kun palvelunantaja yrittää tehdä tehtävän "Varmista rekisteritiedot ja tietoturvasuunnitelma" tiedoilla:
      | register_entries_valid  | ei    |
      | security_plan_ready     | kyllä |
      | existing_kanta_customer | kyllä |
    Niin lomake hylätään kentän "register_entries_valid" kohdalta
    Ja avoinna on vain tehtävä "Varmista rekisteritiedot ja tietoturvasuunnitelma", jonka tekee palvelunantaja
    Kun palvelunantaja yrittää tehdä tehtävän "Varmista rekisteritiedot ja tietoturvasuunnitelma" tiedoilla:
      | register_entries_valid  | kyllä |
      | security_plan_ready     | ei    |
      | existing_kanta_customer | kyllä |
    Niin lomake hylätään kentän "security_plan_ready" kohdalta
    Ja avoinna on vain tehtävä "Varmista rekisteritiedot ja tietoturvasuunnitelma", jonka tekee palvelunantaja
    Ja vaihetta "Tee erillinen hakemus Resepti-palveluun" ei ole tehty
    Kun palvelunantaja tekee tehtävän "Varmista rekisteritiedot ja tietoturvasuunnitelma" tiedoilla:
      | register_entries_valid  | kyllä |
      | security_plan_ready     | kyllä |
      | existing_kanta_customer | kyllä |
    Niin avoinna ovat vain tehtävät "Tee liittymishakemus Potilastietovarantoon", jonka tekee palvelunantaja, ja "Tee erillinen hakemus Resepti-palveluun", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Tee liittymishakemus Potilastietovarantoon" tiedoilla:
      | system_name            | eRA                          |
      | access_point_oid       | 1.2.246.537.6.918.18.10.13.1 |
      | application_date       | tänään                       |
    Niin odotetaan viestiä "Kelan päätös Potilastietovarannon hakemukseen"
    Ja avoinna on vain tehtävä "Tee erillinen hakemus Resepti-palveluun", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Tee erillinen hakemus Resepti-palveluun" tiedoilla:
      | system_name            | eRA                          |
      | access_point_oid       | 1.2.246.537.6.918.18.10.13.1 |
      | application_date       | tänään                       |
    Niin odotetaan viestejä "Kelan päätös Potilastietovarannon hakemukseen" ja "Kelan päätös Resepti-palvelun hakemukseen"
    Ja avoinna on vain tehtävä "Tee Resepti-palvelun käyttöönoton tehtävät omassa organisaatiossa", jonka tekee palvelunantaja
    Kun Kela yrittää lähettää viestin "Kelan päätös Potilastietovarannon hakemukseen" tiedoilla:
      | result | rejected |
    Niin viesti hylätään, eikä mikään muutu
    Ja odotetaan viestejä "Kelan päätös Potilastietovarannon hakemukseen" ja "Kelan päätös Resepti-palvelun hakemukseen"
    Kun Kela lähettää viestin "Kelan päätös Potilastietovarannon hakemukseen" tiedoilla:
      | decision | rejected |
    Niin avoinna ovat vain tehtävät "Korjaa Potilastietovarannon hakemus", jonka tekee palvelunantaja, ja "Tee Resepti-palvelun käyttöönoton tehtävät omassa organisaatiossa", jonka tekee palvelunantaja
    Ja odotetaan viestiä "Kelan päätös Resepti-palvelun hakemukseen"
    Kun Kela lähettää viestin "Kelan päätös Resepti-palvelun hakemukseen" tiedoilla:
      | decision | rejected |
    Niin avoimina ovat tehtävät:
      | osapuoli       | tehtävä                                                          |
      | palvelunantaja | Korjaa Potilastietovarannon hakemus                              |
      | palvelunantaja | Korjaa Resepti-hakemus                                           |
      | palvelunantaja | Tee Resepti-palvelun käyttöönoton tehtävät omassa organisaatiossa |
    Ja viestejä ei odoteta
    Kun palvelunantaja tekee tehtävän "Korjaa Resepti-hakemus" tiedoilla:
      | correction   | Lääkkeen määrääjien tiedot lisätty |
      | corrected_on | tänään                             |
    Niin odotetaan viestiä "Kelan päätös Resepti-palvelun hakemukseen"
    Ja avoinna ovat vain tehtävät "Korjaa Potilastietovarannon hakemus", jonka tekee palvelunantaja, ja "Tee Resepti-palvelun käyttöönoton tehtävät omassa organisaatiossa", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Korjaa Potilastietovarannon hakemus" tiedoilla:
      | correction   | Liityntäpisteen yhteyshenkilö lisätty |
      | corrected_on | tänään                                |
    Niin odotetaan viestejä "Kelan päätös Potilastietovarannon hakemukseen" ja "Kelan päätös Resepti-palvelun hakemukseen"
    Ja avoinna on vain tehtävä "Tee Resepti-palvelun käyttöönoton tehtävät omassa organisaatiossa", jonka tekee palvelunantaja
    Kun Kela lähettää viestin "Kelan päätös Resepti-palvelun hakemukseen" tiedoilla:
      | decision | approved |
    Niin avoinna on vain tehtävä "Tee Resepti-palvelun käyttöönoton tehtävät omassa organisaatiossa", jonka tekee palvelunantaja
    Ja odotetaan viestiä "Kelan päätös Potilastietovarannon hakemukseen"
    Kun palvelunantaja tekee tehtävän "Tee Resepti-palvelun käyttöönoton tehtävät omassa organisaatiossa" tiedoilla:
      | deployment_check                  | none  |
      | production_readiness_verification | kyllä |
    Niin avoinna on vain tehtävä "Varmista Resepti-palvelun tuotantovalmius järjestelmätoimittajan kanssa", jonka tekee palvelunantaja
    Ja vaihetta "Tee Resepti-palvelun käyttöönottokoe" ei ole tehty
    Ja odotetaan viestiä "Kelan päätös Potilastietovarannon hakemukseen"
    Kun Kela lähettää viestin "Kelan päätös Potilastietovarannon hakemukseen" tiedoilla:
      | decision | approved |
    Niin avoimina ovat tehtävät:
      | osapuoli               | tehtävä                                                                |
      | palvelunantaja         | Varmista Resepti-palvelun tuotantovalmius järjestelmätoimittajan kanssa |
      | järjestelmätoimittaja  | Toimita Kelan testihenkilötunnukset                                    |
    Ja viestejä ei odoteta
    Ja vaihe "Korjaa Potilastietovarannon hakemus" on tehty kerran
    Ja vaihe "Korjaa Resepti-hakemus" on tehty kerran
    Kun palvelunantaja tekee tehtävän "Varmista Resepti-palvelun tuotantovalmius järjestelmätoimittajan kanssa" tiedoilla:
      | verified_on         | tänään        |
      | verification_result | failed        |
      | after_failure       | fix_and_retry |
    Niin avoimina ovat tehtävät:
      | osapuoli              | tehtävä                                  |
      | järjestelmätoimittaja | Korjaa varmistamisen epäonnistumisen syy |
      | järjestelmätoimittaja | Toimita Kelan testihenkilötunnukset      |
    Kun järjestelmätoimittaja tekee tehtävän "Toimita Kelan testihenkilötunnukset" tiedoilla:
      | test_person_ids_delivered_on | tänään |
    Niin avoimina ovat tehtävät:
      | osapuoli              | tehtävä                                  |
      | järjestelmätoimittaja | Korjaa varmistamisen epäonnistumisen syy |
      | palvelunantaja        | Tee käyttöönottokoe                      |
    Kun palvelunantaja tekee tehtävän "Tee käyttöönottokoe" tiedoilla:
      | test_date   | tänään                       |
      | test_result | failed                       |
      | notes       | Palvelinvarmenne vanhentunut |
    Niin avoimina ovat tehtävät:
      | osapuoli              | tehtävä                                  |
      | järjestelmätoimittaja | Korjaa varmistamisen epäonnistumisen syy |
      | järjestelmätoimittaja | Korjaa kokeen epäonnistumisen syy        |
    Kun järjestelmätoimittaja tekee tehtävän "Korjaa kokeen epäonnistumisen syy" tiedoilla:
      | fault_description | Palvelinvarmenne uusittu |
      | fixed_on          | tänään                   |
    Niin avoimina ovat tehtävät:
      | osapuoli              | tehtävä                                  |
      | järjestelmätoimittaja | Korjaa varmistamisen epäonnistumisen syy |
      | palvelunantaja        | Tee käyttöönottokoe                      |
    Kun järjestelmätoimittaja tekee tehtävän "Korjaa varmistamisen epäonnistumisen syy" tiedoilla:
      | fault_description | Reseptin allekirjoitus puuttui |
      | fixed_on          | tänään                         |
    Niin avoimina ovat tehtävät:
      | osapuoli       | tehtävä                                                                |
      | palvelunantaja | Varmista Resepti-palvelun tuotantovalmius järjestelmätoimittajan kanssa |
      | palvelunantaja | Tee käyttöönottokoe                                                    |
    Kun palvelunantaja tekee tehtävän "Varmista Resepti-palvelun tuotantovalmius järjestelmätoimittajan kanssa" tiedoilla:
      | verified_on         | tänään |
      | verification_result | passed |
    Niin avoinna ovat vain tehtävät "Aloita Resepti-palvelun käyttäminen", jonka tekee palvelunantaja, ja "Tee käyttöönottokoe", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Tee käyttöönottokoe" tiedoilla:
      | test_date   | tänään |
      | test_result | passed |
    Niin avoinna ovat vain tehtävät "Aloita Resepti-palvelun käyttäminen", jonka tekee palvelunantaja, ja "Raportoi käyttöönottokoe Kelaan", jonka tekee palvelunantaja
    Ja ajastin "Raportin määräaika ylittynyt" laukeaa 3 päivän kuluttua
    Kun palvelunantaja tekee tehtävän "Aloita Resepti-palvelun käyttäminen" tiedoilla:
      | start_date | tänään |
    Niin avoinna on vain tehtävä "Raportoi käyttöönottokoe Kelaan", jonka tekee palvelunantaja
    Ja prosessi on käynnissä
    Kun palvelunantaja tekee tehtävän "Raportoi käyttöönottokoe Kelaan" tiedoilla:
      | report_sent_on | tänään |
    Niin prosessi on päättynyt tapahtumaan "Kanta-palvelut käytössä"
    Ja avoimia tehtäviä ei ole
    Ja ajastimia ei ole

  Tapaus: Ilman reseptiä hyväksytty hakemus vie suoraan käyttöönottokokeeseen, ja Kela pyytää myöhästynyttä raporttia
    Kun palvelunantaja tekee tehtävän "Valitse Kanta-paketti" tiedoilla:
      | organisation_name    | Fysioterapia Aalto Oy  |
      | business_id          | 0737546-2              |
      | package_name         | Ajas ja Kanta -paketti |
      | writes_prescriptions | ei                     |
      | wants_prescription   | ei                     |
      | vendor_business_id   | 2345678-0              |
    Niin avoinna on vain tehtävä "Lähetä toimitussopimus", jonka tekee järjestelmätoimittaja
    Kun järjestelmätoimittaja tekee tehtävän "Lähetä toimitussopimus" tiedoilla:
      | contract_reference | TS-2026-119 |
      | contract_sent_on   | tänään      |
    Niin avoinna on vain tehtävä "Allekirjoita toimitussopimus", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Allekirjoita toimitussopimus" tiedoilla:
      | signatory_name            | Aino Virtanen |
      | signed_on                 | tänään        |
      | system_description_wanted | kyllä         |
    Niin avoinna on vain tehtävä "Varmista rekisteritiedot ja tietoturvasuunnitelma", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Varmista rekisteritiedot ja tietoturvasuunnitelma" tiedoilla:
      | register_entries_valid  | kyllä |
      | security_plan_ready     | kyllä |
      | existing_kanta_customer | kyllä |
    Niin avoinna on vain tehtävä "Tee liittymishakemus Potilastietovarantoon", jonka tekee palvelunantaja
    Kun palvelunantaja yrittää tehdä tehtävän "Tee liittymishakemus Potilastietovarantoon" tiedoilla:
      | system_name            | eRA        |
      | access_point_oid       | 2.16.840.1 |
      | application_date       | tänään     |
    Niin lomake hylätään kentän "access_point_oid" kohdalta
    Ja avoinna on vain tehtävä "Tee liittymishakemus Potilastietovarantoon", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Tee liittymishakemus Potilastietovarantoon" tiedoilla:
      | system_name            | eRA                          |
      | access_point_oid       | 1.2.246.537.6.918.18.10.13.1 |
      | application_date       | tänään                       |
    Niin odotetaan viestiä "Kelan päätös Potilastietovarannon hakemukseen"
    Ja vaihetta "Tee erillinen hakemus Resepti-palveluun" ei ole tehty
    Kun Kela lähettää viestin "Kelan päätös Potilastietovarannon hakemukseen" tiedoilla:
      | decision | approved |
    Niin avoinna on vain tehtävä "Toimita Kelan testihenkilötunnukset", jonka tekee järjestelmätoimittaja
    Ja viestejä ei odoteta
    Ja vaihetta "Korjaa Potilastietovarannon hakemus" ei ole tehty
    Kun järjestelmätoimittaja tekee tehtävän "Toimita Kelan testihenkilötunnukset" tiedoilla:
      | test_person_ids_delivered_on | tänään |
    Niin avoinna on vain tehtävä "Tee käyttöönottokoe", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Tee käyttöönottokoe" tiedoilla:
      | test_date   | tänään |
      | test_result | passed |
    Niin avoinna on vain tehtävä "Raportoi käyttöönottokoe Kelaan", jonka tekee palvelunantaja
    Ja ajastin "Raportin määräaika ylittynyt" laukeaa 3 päivän kuluttua
    Kun aikaa on kulunut kolme päivää
    Niin ajastin "Raportin määräaika ylittynyt" on lauennut kerran
    Ja avoimina ovat tehtävät:
      | osapuoli       | tehtävä                         |
      | palvelunantaja | Raportoi käyttöönottokoe Kelaan |
      | Kela           | Pyydä puuttuvaa koeraporttia    |
    Kun Kela tekee tehtävän "Pyydä puuttuvaa koeraporttia" tiedoilla:
      | requested_on | tänään |
    Niin avoinna on vain tehtävä "Raportoi käyttöönottokoe Kelaan", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Raportoi käyttöönottokoe Kelaan" tiedoilla:
      | report_sent_on | tänään |
    Niin prosessi on päättynyt tapahtumiin:
      | Raporttia pyydetty      |
      | Kanta-palvelut käytössä |
    Ja ajastimia ei ole

  Tapaus: Potilastietovarannon käyttöönottokoe ja raportti eivät odota Resepti-hakemuksen päätöstä, Resepti-palvelun omat tehtävät tehdään päätöstä odottaessa, ja epäonnistuneesta tuotantovalmiuden varmistamisesta voi luopua; uuden järjestelmän ensimmäisessä käyttöönotossa Resepti-palvelun käyttöönottokoe tehdään Kelan pyyntöä odottamatta, korjataan ja raportoidaan käytön aloittamisen rinnalla
    Kun palvelunantaja tekee tehtävän "Valitse Kanta-paketti" tiedoilla:
      | organisation_name    | Lääkärikeskus Aurora Oy |
      | business_id          | 0737546-2               |
      | package_name         | Ajas ja Kanta -paketti  |
      | writes_prescriptions | kyllä                   |
      | wants_prescription   | kyllä                   |
      | vendor_business_id   | 2345678-0               |
    Niin avoinna on vain tehtävä "Lähetä toimitussopimus", jonka tekee järjestelmätoimittaja
    Kun järjestelmätoimittaja tekee tehtävän "Lähetä toimitussopimus" tiedoilla:
      | contract_reference | TS-2026-120 |
      | contract_sent_on   | tänään      |
    Niin avoinna on vain tehtävä "Allekirjoita toimitussopimus", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Allekirjoita toimitussopimus" tiedoilla:
      | signatory_name | Aino Virtanen |
      | signed_on      | tänään        |
    Niin avoinna on vain tehtävä "Varmista rekisteritiedot ja tietoturvasuunnitelma", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Varmista rekisteritiedot ja tietoturvasuunnitelma" tiedoilla:
      | register_entries_valid  | kyllä |
      | security_plan_ready     | kyllä |
      | existing_kanta_customer | kyllä |
    Niin avoinna ovat vain tehtävät "Tee liittymishakemus Potilastietovarantoon", jonka tekee palvelunantaja, ja "Tee erillinen hakemus Resepti-palveluun", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Tee erillinen hakemus Resepti-palveluun" tiedoilla:
      | system_name            | eRA                          |
      | access_point_oid       | 1.2.246.537.6.918.18.10.13.1 |
      | application_date       | tänään                       |
    Niin odotetaan viestiä "Kelan päätös Resepti-palvelun hakemukseen"
    Ja avoinna ovat vain tehtävät "Tee liittymishakemus Potilastietovarantoon", jonka tekee palvelunantaja, ja "Tee Resepti-palvelun käyttöönoton tehtävät omassa organisaatiossa", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Tee liittymishakemus Potilastietovarantoon" tiedoilla:
      | system_name            | eRA                          |
      | access_point_oid       | 1.2.246.537.6.918.18.10.13.1 |
      | application_date       | tänään                       |
    Niin odotetaan viestejä "Kelan päätös Potilastietovarannon hakemukseen" ja "Kelan päätös Resepti-palvelun hakemukseen"
    Ja avoinna on vain tehtävä "Tee Resepti-palvelun käyttöönoton tehtävät omassa organisaatiossa", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Tee Resepti-palvelun käyttöönoton tehtävät omassa organisaatiossa" tiedoilla:
      | deployment_check                  | deployment_test_first_deployment_of_new_system |
      | production_readiness_verification | kyllä                                          |
    Niin odotetaan viestejä "Kelan päätös Potilastietovarannon hakemukseen" ja "Kelan päätös Resepti-palvelun hakemukseen"
    Ja avoimia tehtäviä ei ole
    Ja vaihetta "Tee Resepti-palvelun käyttöönottokoe" ei ole tehty
    Kun Kela lähettää viestin "Kelan päätös Potilastietovarannon hakemukseen" tiedoilla:
      | decision | approved |
    Niin avoinna on vain tehtävä "Toimita Kelan testihenkilötunnukset", jonka tekee järjestelmätoimittaja
    Ja odotetaan viestiä "Kelan päätös Resepti-palvelun hakemukseen"
    Kun järjestelmätoimittaja tekee tehtävän "Toimita Kelan testihenkilötunnukset" tiedoilla:
      | test_person_ids_delivered_on | tänään |
    Niin avoinna on vain tehtävä "Tee käyttöönottokoe", jonka tekee palvelunantaja
    Ja odotetaan viestiä "Kelan päätös Resepti-palvelun hakemukseen"
    Kun palvelunantaja tekee tehtävän "Tee käyttöönottokoe" tiedoilla:
      | test_date   | tänään |
      | test_result | passed |
    Niin avoinna on vain tehtävä "Raportoi käyttöönottokoe Kelaan", jonka tekee palvelunantaja
    Ja odotetaan viestiä "Kelan päätös Resepti-palvelun hakemukseen"
    Kun palvelunantaja tekee tehtävän "Raportoi käyttöönottokoe Kelaan" tiedoilla:
      | report_sent_on | tänään |
    Niin avoimia tehtäviä ei ole
    Ja odotetaan viestiä "Kelan päätös Resepti-palvelun hakemukseen"
    Ja prosessi on käynnissä
    Ja ajastimia ei ole
    Kun Kela lähettää viestin "Kelan päätös Resepti-palvelun hakemukseen" tiedoilla:
      | decision | approved |
    Niin avoinna ovat vain tehtävät "Varmista Resepti-palvelun tuotantovalmius järjestelmätoimittajan kanssa", jonka tekee palvelunantaja, ja "Tee Resepti-palvelun käyttöönottokoe", jonka tekee palvelunantaja
    Ja viestejä ei odoteta
    Kun palvelunantaja tekee tehtävän "Varmista Resepti-palvelun tuotantovalmius järjestelmätoimittajan kanssa" tiedoilla:
      | verified_on         | tänään                                                  |
      | verification_result | failed                                                  |
      | after_failure       | abandon                                                 |
      | abandon_reason      | Varmistaminen on vapaaehtoinen; käyttö aloitetaan ilman |
    Niin avoinna on vain tehtävä "Tee Resepti-palvelun käyttöönottokoe", jonka tekee palvelunantaja
    Ja vaihetta "Korjaa varmistamisen epäonnistumisen syy" ei ole tehty
    Kun palvelunantaja yrittää tehdä tehtävän "Tee Resepti-palvelun käyttöönottokoe" tiedoilla:
      | prescription_test_date    | tänään |
      | prescription_test_result  | passed |
      | kela_test_person_ids_used | ei     |
    Niin lomake hylätään kentän "kela_test_person_ids_used" kohdalta
    Ja avoinna on vain tehtävä "Tee Resepti-palvelun käyttöönottokoe", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Tee Resepti-palvelun käyttöönottokoe" tiedoilla:
      | prescription_test_date    | tänään |
      | prescription_test_result  | failed |
      | kela_test_person_ids_used | kyllä  |
    Niin avoinna on vain tehtävä "Korjaa Resepti-palvelun käyttöönottokokeen virhe", jonka tekee järjestelmätoimittaja
    Kun järjestelmätoimittaja tekee tehtävän "Korjaa Resepti-palvelun käyttöönottokokeen virhe" tiedoilla:
      | fault_description | Reseptin allekirjoitusvarmenne puuttui |
      | fixed_on          | tänään                                 |
    Niin avoinna on vain tehtävä "Tee Resepti-palvelun käyttöönottokoe", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Tee Resepti-palvelun käyttöönottokoe" tiedoilla:
      | prescription_test_date    | tänään |
      | prescription_test_result  | passed |
      | kela_test_person_ids_used | kyllä  |
    Niin avoinna ovat vain tehtävät "Raportoi Resepti-palvelun käyttöönottokoe Kelaan", jonka tekee palvelunantaja, ja "Aloita Resepti-palvelun käyttäminen", jonka tekee palvelunantaja
    Ja ajastin "Resepti-palvelun kokeen raportti myöhässä" laukeaa 3 päivän kuluttua
    Kun palvelunantaja tekee tehtävän "Raportoi Resepti-palvelun käyttöönottokoe Kelaan" tiedoilla:
      | report_sent_on | tänään |
    Niin avoinna on vain tehtävä "Aloita Resepti-palvelun käyttäminen", jonka tekee palvelunantaja
    Ja ajastimia ei ole
    Ja prosessi on käynnissä
    Kun palvelunantaja yrittää tehdä tehtävän "Aloita Resepti-palvelun käyttäminen" tiedoilla:
      | start_date                       | tänään |
      | renewal_request_receivers_marked | kyllä  |
    Niin lomake hylätään kentän "renewal_request_service_in_use" kohdalta
    Ja avoinna on vain tehtävä "Aloita Resepti-palvelun käyttäminen", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Aloita Resepti-palvelun käyttäminen" tiedoilla:
      | start_date                       | tänään |
      | renewal_request_receivers_marked | kyllä  |
      | renewal_request_service_in_use   | kyllä  |
    Niin prosessi on päättynyt tapahtumaan "Kanta-palvelut käytössä"
    Ja avoimia tehtäviä ei ole
    Ja viestejä ei odoteta

  Tapaus: Resepti-palvelun käyttö aloitetaan ilman tuotantovalmiuden varmistamista Potilastietovarannon päätöstä odottamatta, ja vasta käyttöönoton loppu odottaa Potilastietovarannon käyttöönottokoetta; Kelan pyytämä Resepti-palvelun käyttöönottokoe tehdään ennen käytön aloitusta, ja myöhästyneestä raportista Kela muistuttaa
    Kun palvelunantaja tekee tehtävän "Valitse Kanta-paketti" tiedoilla:
      | organisation_name    | Lääkärikeskus Aurora Oy |
      | business_id          | 0737546-2               |
      | package_name         | Ajas ja Kanta -paketti  |
      | writes_prescriptions | kyllä                   |
      | wants_prescription   | kyllä                   |
      | vendor_business_id   | 2345678-0               |
    Niin avoinna on vain tehtävä "Lähetä toimitussopimus", jonka tekee järjestelmätoimittaja
    Kun järjestelmätoimittaja tekee tehtävän "Lähetä toimitussopimus" tiedoilla:
      | contract_reference | TS-2026-120 |
      | contract_sent_on   | tänään      |
    Niin avoinna on vain tehtävä "Allekirjoita toimitussopimus", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Allekirjoita toimitussopimus" tiedoilla:
      | signatory_name | Aino Virtanen |
      | signed_on      | tänään        |
    Niin avoinna on vain tehtävä "Varmista rekisteritiedot ja tietoturvasuunnitelma", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Varmista rekisteritiedot ja tietoturvasuunnitelma" tiedoilla:
      | register_entries_valid  | kyllä |
      | security_plan_ready     | kyllä |
      | existing_kanta_customer | kyllä |
    Niin avoinna ovat vain tehtävät "Tee liittymishakemus Potilastietovarantoon", jonka tekee palvelunantaja, ja "Tee erillinen hakemus Resepti-palveluun", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Tee erillinen hakemus Resepti-palveluun" tiedoilla:
      | system_name            | eRA                          |
      | access_point_oid       | 1.2.246.537.6.918.18.10.13.1 |
      | application_date       | tänään                       |
    Niin odotetaan viestiä "Kelan päätös Resepti-palvelun hakemukseen"
    Ja avoinna ovat vain tehtävät "Tee liittymishakemus Potilastietovarantoon", jonka tekee palvelunantaja, ja "Tee Resepti-palvelun käyttöönoton tehtävät omassa organisaatiossa", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Tee liittymishakemus Potilastietovarantoon" tiedoilla:
      | system_name            | eRA                          |
      | access_point_oid       | 1.2.246.537.6.918.18.10.13.1 |
      | application_date       | tänään                       |
    Niin odotetaan viestejä "Kelan päätös Potilastietovarannon hakemukseen" ja "Kelan päätös Resepti-palvelun hakemukseen"
    Ja avoinna on vain tehtävä "Tee Resepti-palvelun käyttöönoton tehtävät omassa organisaatiossa", jonka tekee palvelunantaja
    Kun Kela lähettää viestin "Kelan päätös Resepti-palvelun hakemukseen" tiedoilla:
      | decision | approved |
    Niin avoinna on vain tehtävä "Tee Resepti-palvelun käyttöönoton tehtävät omassa organisaatiossa", jonka tekee palvelunantaja
    Ja odotetaan viestiä "Kelan päätös Potilastietovarannon hakemukseen"
    Kun palvelunantaja tekee tehtävän "Tee Resepti-palvelun käyttöönoton tehtävät omassa organisaatiossa" tiedoilla:
      | deployment_check                  | deployment_test_requested_by_kela |
      | production_readiness_verification | ei                                |
    Niin avoinna on vain tehtävä "Tee Resepti-palvelun käyttöönottokoe", jonka tekee palvelunantaja
    Ja vaihetta "Varmista Resepti-palvelun tuotantovalmius järjestelmätoimittajan kanssa" ei ole tehty
    Ja odotetaan viestiä "Kelan päätös Potilastietovarannon hakemukseen"
    Kun palvelunantaja tekee tehtävän "Tee Resepti-palvelun käyttöönottokoe" tiedoilla:
      | prescription_test_date    | tänään |
      | prescription_test_result  | passed |
      | kela_test_person_ids_used | kyllä  |
    Niin avoinna ovat vain tehtävät "Raportoi Resepti-palvelun käyttöönottokoe Kelaan", jonka tekee palvelunantaja, ja "Aloita Resepti-palvelun käyttäminen", jonka tekee palvelunantaja
    Ja vaihetta "Korjaa Resepti-palvelun käyttöönottokokeen virhe" ei ole tehty
    Ja ajastin "Resepti-palvelun kokeen raportti myöhässä" laukeaa 3 päivän kuluttua
    Kun palvelunantaja tekee tehtävän "Aloita Resepti-palvelun käyttäminen" tiedoilla:
      | start_date | tänään |
    Niin avoinna on vain tehtävä "Raportoi Resepti-palvelun käyttöönottokoe Kelaan", jonka tekee palvelunantaja
    Ja odotetaan viestiä "Kelan päätös Potilastietovarannon hakemukseen"
    Ja prosessi on käynnissä
    Kun aikaa on kulunut kolme päivää
    Niin ajastin "Resepti-palvelun kokeen raportti myöhässä" on lauennut kerran
    Ja avoimina ovat tehtävät:
      | osapuoli       | tehtävä                                          |
      | palvelunantaja | Raportoi Resepti-palvelun käyttöönottokoe Kelaan |
      | Kela           | Pyydä puuttuvaa Resepti-palvelun koeraporttia    |
    Kun Kela tekee tehtävän "Pyydä puuttuvaa Resepti-palvelun koeraporttia" tiedoilla:
      | requested_on | tänään |
    Niin avoinna on vain tehtävä "Raportoi Resepti-palvelun käyttöönottokoe Kelaan", jonka tekee palvelunantaja
    Ja vaihe "Resepti-palvelun koeraporttia pyydetty" on tehty
    Kun palvelunantaja tekee tehtävän "Raportoi Resepti-palvelun käyttöönottokoe Kelaan" tiedoilla:
      | report_sent_on | tänään |
    Niin avoimia tehtäviä ei ole
    Ja ajastimia ei ole
    Ja odotetaan viestiä "Kelan päätös Potilastietovarannon hakemukseen"
    Ja prosessi on käynnissä
    Kun Kela lähettää viestin "Kelan päätös Potilastietovarannon hakemukseen" tiedoilla:
      | decision | approved |
    Niin avoinna on vain tehtävä "Toimita Kelan testihenkilötunnukset", jonka tekee järjestelmätoimittaja
    Kun järjestelmätoimittaja tekee tehtävän "Toimita Kelan testihenkilötunnukset" tiedoilla:
      | test_person_ids_delivered_on | tänään |
    Niin avoinna on vain tehtävä "Tee käyttöönottokoe", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Tee käyttöönottokoe" tiedoilla:
      | test_date   | tänään |
      | test_result | passed |
    Niin avoinna on vain tehtävä "Raportoi käyttöönottokoe Kelaan", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Raportoi käyttöönottokoe Kelaan" tiedoilla:
      | report_sent_on | tänään |
    Niin prosessi on päättynyt tapahtumiin:
      | Resepti-palvelun koeraporttia pyydetty |
      | Kanta-palvelut käytössä                |
    Ja avoimia tehtäviä ei ole
    Ja ajastimia ei ole

  Tapaus: Uusi Kanta-asiakas hyväksyy terveydenhuollon sitoumuksen hakemusten rinnalla, ja lääkemääräyksiä laatimaton organisaatio hakee Resepti-palvelua halutessaan ja tekee sen käyttöönottokokeen sanoin kirjatusta muusta syystä
    Kun palvelunantaja tekee tehtävän "Valitse Kanta-paketti" tiedoilla:
      | organisation_name    | Fysioterapia Aalto Oy  |
      | business_id          | 0737546-2              |
      | package_name         | Ajas ja Kanta -paketti |
      | writes_prescriptions | ei                     |
      | wants_prescription   | kyllä                  |
      | vendor_business_id   | 2345678-0              |
    Niin avoinna on vain tehtävä "Lähetä toimitussopimus", jonka tekee järjestelmätoimittaja
    Kun järjestelmätoimittaja tekee tehtävän "Lähetä toimitussopimus" tiedoilla:
      | contract_reference | TS-2026-121 |
      | contract_sent_on   | tänään      |
    Niin avoinna on vain tehtävä "Allekirjoita toimitussopimus", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Allekirjoita toimitussopimus" tiedoilla:
      | signatory_name | Aino Virtanen |
      | signed_on      | tänään        |
    Niin avoinna on vain tehtävä "Varmista rekisteritiedot ja tietoturvasuunnitelma", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Varmista rekisteritiedot ja tietoturvasuunnitelma" tiedoilla:
      | register_entries_valid  | kyllä |
      | security_plan_ready     | kyllä |
      | existing_kanta_customer | ei    |
    Niin avoimina ovat tehtävät:
      | osapuoli       | tehtävä                                    |
      | palvelunantaja | Tee liittymishakemus Potilastietovarantoon |
      | palvelunantaja | Tee erillinen hakemus Resepti-palveluun    |
      | palvelunantaja | Hyväksy terveydenhuollon sitoumus          |
    Kun palvelunantaja tekee tehtävän "Tee liittymishakemus Potilastietovarantoon" tiedoilla:
      | system_name      | eRA                          |
      | access_point_oid | 1.2.246.537.6.918.18.10.13.1 |
      | application_date | tänään                       |
    Niin odotetaan viestiä "Kelan päätös Potilastietovarannon hakemukseen"
    Ja avoinna ovat vain tehtävät "Tee erillinen hakemus Resepti-palveluun", jonka tekee palvelunantaja, ja "Hyväksy terveydenhuollon sitoumus", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Tee erillinen hakemus Resepti-palveluun" tiedoilla:
      | system_name      | eRA                          |
      | access_point_oid | 1.2.246.537.6.918.18.10.13.1 |
      | application_date | tänään                       |
    Niin odotetaan viestejä "Kelan päätös Potilastietovarannon hakemukseen" ja "Kelan päätös Resepti-palvelun hakemukseen"
    Ja avoinna ovat vain tehtävät "Hyväksy terveydenhuollon sitoumus", jonka tekee palvelunantaja, ja "Tee Resepti-palvelun käyttöönoton tehtävät omassa organisaatiossa", jonka tekee palvelunantaja
    Kun Kela lähettää viestin "Kelan päätös Potilastietovarannon hakemukseen" tiedoilla:
      | decision | approved |
    Niin avoimina ovat tehtävät:
      | osapuoli              | tehtävä                                                           |
      | palvelunantaja        | Hyväksy terveydenhuollon sitoumus                                 |
      | palvelunantaja        | Tee Resepti-palvelun käyttöönoton tehtävät omassa organisaatiossa |
      | järjestelmätoimittaja | Toimita Kelan testihenkilötunnukset                               |
    Kun järjestelmätoimittaja tekee tehtävän "Toimita Kelan testihenkilötunnukset" tiedoilla:
      | test_person_ids_delivered_on | tänään |
    Niin avoimina ovat tehtävät:
      | osapuoli       | tehtävä                                                           |
      | palvelunantaja | Hyväksy terveydenhuollon sitoumus                                 |
      | palvelunantaja | Tee Resepti-palvelun käyttöönoton tehtävät omassa organisaatiossa |
      | palvelunantaja | Tee käyttöönottokoe                                               |
    Kun palvelunantaja tekee tehtävän "Tee käyttöönottokoe" tiedoilla:
      | test_date   | tänään |
      | test_result | passed |
    Niin avoimina ovat tehtävät:
      | osapuoli       | tehtävä                                                           |
      | palvelunantaja | Hyväksy terveydenhuollon sitoumus                                 |
      | palvelunantaja | Tee Resepti-palvelun käyttöönoton tehtävät omassa organisaatiossa |
      | palvelunantaja | Raportoi käyttöönottokoe Kelaan                                   |
    Kun palvelunantaja tekee tehtävän "Raportoi käyttöönottokoe Kelaan" tiedoilla:
      | report_sent_on | tänään |
    Niin avoinna ovat vain tehtävät "Hyväksy terveydenhuollon sitoumus", jonka tekee palvelunantaja, ja "Tee Resepti-palvelun käyttöönoton tehtävät omassa organisaatiossa", jonka tekee palvelunantaja
    Ja odotetaan viestiä "Kelan päätös Resepti-palvelun hakemukseen"
    Ja ajastimia ei ole
    Kun Kela lähettää viestin "Kelan päätös Resepti-palvelun hakemukseen" tiedoilla:
      | decision | approved |
    Niin avoinna ovat vain tehtävät "Hyväksy terveydenhuollon sitoumus", jonka tekee palvelunantaja, ja "Tee Resepti-palvelun käyttöönoton tehtävät omassa organisaatiossa", jonka tekee palvelunantaja
    Ja viestejä ei odoteta
    Kun palvelunantaja yrittää tehdä tehtävän "Tee Resepti-palvelun käyttöönoton tehtävät omassa organisaatiossa" tiedoilla:
      | deployment_check                  | deployment_test_other_reason |
      | production_readiness_verification | ei                           |
    Niin lomake hylätään kentän "deployment_test_reason" kohdalta
    Ja avoinna ovat vain tehtävät "Hyväksy terveydenhuollon sitoumus", jonka tekee palvelunantaja, ja "Tee Resepti-palvelun käyttöönoton tehtävät omassa organisaatiossa", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Tee Resepti-palvelun käyttöönoton tehtävät omassa organisaatiossa" tiedoilla:
      | deployment_check                  | deployment_test_other_reason                  |
      | deployment_test_reason            | eRA-versio vaihtuu samalla Resepti-palvelulle |
      | production_readiness_verification | ei                                            |
    Niin avoinna ovat vain tehtävät "Hyväksy terveydenhuollon sitoumus", jonka tekee palvelunantaja, ja "Tee Resepti-palvelun käyttöönottokoe", jonka tekee palvelunantaja
    Ja tiedon "deployment_test_reason" arvo on eRA-versio vaihtuu samalla Resepti-palvelulle
    Kun palvelunantaja tekee tehtävän "Tee Resepti-palvelun käyttöönottokoe" tiedoilla:
      | prescription_test_date    | tänään |
      | prescription_test_result  | passed |
      | kela_test_person_ids_used | kyllä  |
    Niin avoimina ovat tehtävät:
      | osapuoli       | tehtävä                                          |
      | palvelunantaja | Hyväksy terveydenhuollon sitoumus                |
      | palvelunantaja | Raportoi Resepti-palvelun käyttöönottokoe Kelaan |
      | palvelunantaja | Aloita Resepti-palvelun käyttäminen              |
    Kun palvelunantaja tekee tehtävän "Raportoi Resepti-palvelun käyttöönottokoe Kelaan" tiedoilla:
      | report_sent_on | tänään |
    Niin avoinna ovat vain tehtävät "Hyväksy terveydenhuollon sitoumus", jonka tekee palvelunantaja, ja "Aloita Resepti-palvelun käyttäminen", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Aloita Resepti-palvelun käyttäminen" tiedoilla:
      | start_date | tänään |
    Niin avoinna on vain tehtävä "Hyväksy terveydenhuollon sitoumus", jonka tekee palvelunantaja
    Ja prosessi on käynnissä
    Ja ajastimia ei ole
    Kun palvelunantaja tekee tehtävän "Hyväksy terveydenhuollon sitoumus" tiedoilla:
      | commitment_accepted_on | tänään        |
      | signatory_name         | Aino Virtanen |
      | commitment_accepted    | kyllä         |
    Niin prosessi on päättynyt tapahtumaan "Kanta-palvelut käytössä"
    Ja avoimia tehtäviä ei ole
    Ja viestejä ei odoteta
    Ja ajastimia ei ole
