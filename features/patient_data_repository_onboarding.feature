# language: fi
Ominaisuus: Potilastietovarannon (ent. Potilastiedon arkisto) käyttöönotto
  In English: a service provider deploys the Patient Data Repository (seeds 001, 000, 003, 004). It contacts
  its system vendor, who sends the preparation instructions and names the certified system and the Kanta
  intermediary; the provider completes the preparatory tasks (for its own access point also its IP address
  and DNS name, seed 004) and files the joining application in Kanta
  Extranet with the system, the access point OID, the planned deployment test date and whether it already is
  a Kanta customer. Kela decides; a refused application is corrected and filed again. A new Kanta customer
  accepts the health-care commitment (seed 004) in Kanta Extranet once the application is approved, beside
  the test: the organisation's own practice, which holds neither the test nor the report (the onboarding
  ends once both the report and the commitment are done). The vendor delivers Kela's test person IDs, the
  provider runs the deployment test with the vendor (a failed test is fixed and run again) and reports it to
  Kela at the latest two days after the successful test; once the report is sent, the repository is in use. The two days are counted from the test's date, not
  from when the report task opened: a report still missing when they have passed makes Kela ask for it as
  the next day begins. Called by the joining, which settles the health-care commitment itself, the onboarding
  asks neither whether the organisation is already a Kanta customer nor the commitment; the register entries
  and the security plan are then the joining's preparations, not the provider's tasks here, and the application
  waits for the joining's message kanta_joining_preparations_done.

  Palvelunantaja ottaa yhteyttä järjestelmätoimittajaan, joka lähettää valmisteluohjeet ja nimeää
  sertifioidun potilastietojärjestelmän ja Kanta-välittäjän. Palvelunantaja tekee valmistelevat tehtävät
  (rekisteritiedot, tietoturvasuunnitelma, palvelinvarmenteet, omasta liityntäpisteestä myös sen IP-osoite
  ja DNS-nimi, asiakastiedot Kanta Ekstranetissä) ja
  liittymishakemuksen, jossa se nimeää järjestelmän, liityntäpisteen OID:n, suunnitellun käyttöönottokokeen
  päivän ja kertoo, onko se jo Kanta-asiakas. Kela päättää; hylätty hakemus korjataan ja lähetetään
  uudelleen. Uusi Kanta-asiakas hyväksyy terveydenhuollon sitoumuksen, kun hakemus on hyväksytty, kokeen
  rinnalla: se on organisaation oma käytäntö, joka ei pidättele koetta eikä raporttia (käyttöönotto päättyy,
  kun sekä raportti että sitoumus on tehty). Järjestelmätoimittaja
  toimittaa Kelan testihenkilötunnukset, palvelunantaja tekee käyttöönottokokeen järjestelmätoimittajan
  kanssa (epäonnistuneen kokeen syy korjataan ja koe uusitaan) ja raportoi sen Kelaan viimeistään kaksi päivää
  onnistuneen kokeen jälkeen; kun raportti on lähetetty, Potilastietovaranto on käytössä. Kaksi päivää lasketaan kokeen päivästä, ei siitä, milloin raportointitehtävä
  avautui: jos raporttia ei ole tullut niiden kuluessa, Kela pyytää sitä seuraavan päivän alkaessa. Kun
  liittyminen kutsuu käyttöönottoa, se selvittää terveydenhuollon sitoumuksen itse, eikä käyttöönotto kysy
  Kanta-asiakkuutta eikä sitoumusta; rekisteritiedot ja tietoturvasuunnitelma ovat silloin liittymisen
  valmisteluja eivätkä palvelunantajan tehtäviä tässä, ja hakemus odottaa liittymisen viestiä
  kanta_joining_preparations_done.

  Tapausaihio: Terveydenhuollon sitoumus vaaditaan vain ensimmäisen Kanta-palvelun yhteydessä, eikä se pidättele käyttöönottokoetta, ja omasta liityntäpisteestä annetaan IP-osoite ja DNS-nimi (jo asiakas: <asiakas>, IP-osoite: <ip_osoite>)
    Oletetaan palvelunantajan aloittaneen prosessin "Potilastietovarannon käyttöönotto" Y-tunnukselle <y_tunnus>
    Ja avoinna on vain tehtävä "Ota yhteyttä järjestelmätoimittajaan", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Ota yhteyttä järjestelmätoimittajaan" tiedoilla:
      | vendor_name        | Ajas Oy   |
      | contacted_on       | tänään    |
      | vendor_business_id | 2345678-0 |
    Niin avoinna on vain tehtävä "Lähetä valmisteluohjeet", jonka tekee järjestelmätoimittaja
    Kun järjestelmätoimittaja tekee tehtävän "Lähetä valmisteluohjeet" tiedoilla:
      | instructions_sent_on | tänään |
      | system_name          | eRA    |
      | system_certified     | kyllä  |
    Niin avoinna on vain tehtävä "Tee valmistelevat tehtävät", jonka tekee palvelunantaja
    Kun palvelunantaja yrittää tehdä tehtävän "Tee valmistelevat tehtävät" tiedoilla:
      | register_entries_valid    | kyllä                   |
      | security_plan_ready       | kyllä                   |
      | access_point              | own                     |
      | server_certificates_ready | kyllä                   |
      | customer_data_in_extranet | kyllä                   |
      | organisation_oid          | 1.2.246.10.7375462.10.0 |
    Niin lomake hylätään kentän "access_point_ip_address" kohdalta
    Ja lomake hylätään kentän "access_point_dns_name" kohdalta
    Ja avoinna on vain tehtävä "Tee valmistelevat tehtävät", jonka tekee palvelunantaja
    Kun palvelunantaja yrittää tehdä tehtävän "Tee valmistelevat tehtävät" tiedoilla:
      | register_entries_valid    | kyllä                   |
      | security_plan_ready       | kyllä                   |
      | access_point              | own                     |
      | access_point_ip_address   | 192.0.2.300             |
      | access_point_dns_name     | liityntäpiste..kanta    |
      | server_certificates_ready | kyllä                   |
      | customer_data_in_extranet | kyllä                   |
      | organisation_oid          | 1.2.246.10.7375462.10.0 |
    Niin lomake hylätään kentän "access_point_ip_address" kohdalta
    Ja lomake hylätään kentän "access_point_dns_name" kohdalta
    Ja avoinna on vain tehtävä "Tee valmistelevat tehtävät", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Tee valmistelevat tehtävät" tiedoilla:
      | register_entries_valid    | kyllä                       |
      | security_plan_ready       | kyllä                       |
      | access_point              | own                         |
      | access_point_ip_address   | <ip_osoite>                 |
      | access_point_dns_name     | liityntapiste.example.fi    |
      | server_certificates_ready | kyllä                       |
      | customer_data_in_extranet | kyllä                       |
      | organisation_oid          | 1.2.246.10.7375462.10.0     |
    Niin avoinna on vain tehtävä "Tee liittymishakemus Kanta Ekstranetissä", jonka tekee palvelunantaja
    Ja tiedon "access_point_dns_name" arvo on liityntapiste.example.fi
    Kun palvelunantaja tekee tehtävän "Tee liittymishakemus Kanta Ekstranetissä" tiedoilla:
      | system_name             | eRA                          |
      | access_point_oid        | 1.2.246.10.7375462.20.1      |
      | application_date        | tänään                       |
      | planned_test_date       | tänään + 6 viikkoa           |
      | existing_kanta_customer | <asiakas>                    |
    Niin odotetaan viestiä "Kelan päätös Potilastietovarannon hakemukseen"
    Ja avoimia tehtäviä ei ole
    Kun Kela lähettää viestin "Kelan päätös Potilastietovarannon hakemukseen" tiedoilla:
      | decision | approved |
    Niin <seuraavaksi>
    Ja <ajastimet>
    Ja viestejä ei odoteta
    Ja tiedon "existing_kanta_customer" arvo on <asiakas>

    Tapaukset:
      | y_tunnus  | asiakas | ip_osoite    | seuraavaksi                                                                                      | ajastimet        |
      | 7102109-5 | kyllä   | 192.0.2.10   | avoinna on vain tehtävä "Toimita Kelan testihenkilötunnukset", jonka tekee järjestelmätoimittaja | ajastimia ei ole |
      | 7102110-8 | ei      | 2001:db8::10 | avoinna ovat vain tehtävät "Toimita Kelan testihenkilötunnukset", jonka tekee järjestelmätoimittaja, ja "Hyväksy terveydenhuollon sitoumus", jonka tekee palvelunantaja | ajastimia ei ole |

  Tapaus: Hylätty hakemus korjataan ja lähetetään uudelleen, ja epäonnistuneen käyttöönottokokeen syy korjataan ja koe uusitaan
    Oletetaan palvelunantajan aloittaneen prosessin "Potilastietovarannon käyttöönotto" Y-tunnukselle 7102111-6
    Ja avoinna on vain tehtävä "Ota yhteyttä järjestelmätoimittajaan", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Ota yhteyttä järjestelmätoimittajaan" tiedoilla:
      | vendor_name        | Ajas Oy   |
      | contacted_on       | tänään    |
      | vendor_business_id | 2345678-0 |
    Niin avoinna on vain tehtävä "Lähetä valmisteluohjeet", jonka tekee järjestelmätoimittaja
    Kun järjestelmätoimittaja yrittää tehdä tehtävän "Lähetä valmisteluohjeet" tiedoilla:
      | instructions_sent_on | tänään  |
      | system_name          | eRA     |
      | system_certified     | ei      |
      | intermediary_name    | Ajas Oy |
    Niin lomake hylätään kentän "system_certified" kohdalta
    Ja avoinna on vain tehtävä "Lähetä valmisteluohjeet", jonka tekee järjestelmätoimittaja
    Kun järjestelmätoimittaja tekee tehtävän "Lähetä valmisteluohjeet" tiedoilla:
      | instructions_sent_on | tänään  |
      | system_name          | eRA     |
      | system_certified     | kyllä   |
      | intermediary_name    | Ajas Oy |
    Niin avoinna on vain tehtävä "Tee valmistelevat tehtävät", jonka tekee palvelunantaja
    Kun palvelunantaja yrittää tehdä tehtävän "Tee valmistelevat tehtävät" tiedoilla:
      | register_entries_valid    | kyllä          |
      | security_plan_ready       | kyllä          |
      | access_point              | own            |
      | server_certificates_ready | ei             |
      | customer_data_in_extranet | kyllä          |
      | organisation_oid          | 2.16.840.1.113 |
    Niin lomake hylätään kentän "organisation_oid" kohdalta
    Ja lomake hylätään kentän "server_certificates_ready" kohdalta
    Ja lomake hylätään kentän "access_point_ip_address" kohdalta
    Ja avoinna on vain tehtävä "Tee valmistelevat tehtävät", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Tee valmistelevat tehtävät" tiedoilla:
      | register_entries_valid    | kyllä                   |
      | security_plan_ready       | kyllä                   |
      | access_point              | intermediary            |
      | customer_data_in_extranet | kyllä                   |
      | organisation_oid          | 1.2.246.10.7102111.10.0 |
    Niin avoinna on vain tehtävä "Tee liittymishakemus Kanta Ekstranetissä", jonka tekee palvelunantaja
    Kun palvelunantaja yrittää tehdä tehtävän "Tee liittymishakemus Kanta Ekstranetissä" tiedoilla:
      | system_name             | eRA                          |
      | access_point_oid        | 1.2.246.537.6.918.18.10.13.1 |
      | application_date        | tänään                       |
      | planned_test_date       | ensi kuussa                  |
      | existing_kanta_customer | kyllä                        |
    Niin lomake hylätään kentän "planned_test_date" kohdalta
    Ja avoinna on vain tehtävä "Tee liittymishakemus Kanta Ekstranetissä", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Tee liittymishakemus Kanta Ekstranetissä" tiedoilla:
      | system_name             | eRA                          |
      | access_point_oid        | 1.2.246.537.6.918.18.10.13.1 |
      | application_date        | tänään                       |
      | planned_test_date       | tänään + 4 viikkoa           |
      | existing_kanta_customer | kyllä                        |
    Niin odotetaan viestiä "Kelan päätös Potilastietovarannon hakemukseen"
    Ja avoimia tehtäviä ei ole
    Kun Kela lähettää viestin "Kelan päätös Potilastietovarannon hakemukseen" tiedoilla:
      | decision      | rejected                              |
      | decision_note | Liityntäpisteen yhteyshenkilö puuttuu |
    Niin avoinna on vain tehtävä "Korjaa hakemus", jonka tekee palvelunantaja
    Ja viestejä ei odoteta
    Kun palvelunantaja tekee tehtävän "Korjaa hakemus" tiedoilla:
      | correction   | Liityntäpisteen yhteyshenkilö lisätty |
      | corrected_on | tänään                                |
    Niin avoinna on vain tehtävä "Tee liittymishakemus Kanta Ekstranetissä", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Tee liittymishakemus Kanta Ekstranetissä" tiedoilla:
      | system_name             | eRA                          |
      | access_point_oid        | 1.2.246.537.6.918.18.10.13.1 |
      | application_date        | tänään                       |
      | planned_test_date       | tänään + 4 viikkoa           |
      | existing_kanta_customer | kyllä                        |
    Niin odotetaan viestiä "Kelan päätös Potilastietovarannon hakemukseen"
    Kun Kela lähettää viestin "Kelan päätös Potilastietovarannon hakemukseen" tiedoilla:
      | decision | approved |
    Niin avoinna on vain tehtävä "Toimita Kelan testihenkilötunnukset", jonka tekee järjestelmätoimittaja
    Ja ajastimia ei ole
    Ja vaihe "Korjaa hakemus" on tehty kerran
    Ja vaihetta "Hyväksy terveydenhuollon sitoumus" ei ole tehty
    Kun järjestelmätoimittaja tekee tehtävän "Toimita Kelan testihenkilötunnukset" tiedoilla:
      | test_person_ids_delivered_on | tänään |
    Niin avoinna on vain tehtävä "Tee käyttöönottokoe", jonka tekee palvelunantaja
    Kun palvelunantaja yrittää tehdä tehtävän "Tee käyttöönottokoe" tiedoilla:
      | test_date   | tänään |
      | test_result | ok     |
    Niin lomake hylätään kentän "test_result" kohdalta
    Ja avoinna on vain tehtävä "Tee käyttöönottokoe", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Tee käyttöönottokoe" tiedoilla:
      | test_date   | tänään                       |
      | test_result | failed                       |
      | notes       | Palvelinvarmenne vanhentunut |
    Niin avoinna on vain tehtävä "Korjaa kokeen epäonnistumisen syy", jonka tekee järjestelmätoimittaja
    Ja ajastimia ei ole
    Kun järjestelmätoimittaja tekee tehtävän "Korjaa kokeen epäonnistumisen syy" tiedoilla:
      | fault_description | Palvelinvarmenne uusittu |
      | fixed_on          | tänään                   |
    Niin avoinna on vain tehtävä "Tee käyttöönottokoe", jonka tekee palvelunantaja
    Kun aikaa on kulunut yksi päivä
    Niin avoinna on vain tehtävä "Tee käyttöönottokoe", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Tee käyttöönottokoe" tiedoilla:
      | test_date   | tänään |
      | test_result | passed |
    Niin avoinna on vain tehtävä "Raportoi käyttöönottokoe Kelaan", jonka tekee palvelunantaja
    Ja ajastin "Raportin määräaika ylittynyt" laukeaa 3 päivän kuluttua
    Ja vaihe "Tee käyttöönottokoe" on tehty 2 kertaa
    Ja vaihe "Korjaa kokeen epäonnistumisen syy" on tehty kerran
    Kun aikaa on kulunut kaksi päivää
    Niin ajastin "Raportin määräaika ylittynyt" ei ole lauennut
    Ja ajastin "Raportin määräaika ylittynyt" laukeaa 1 päivän kuluttua
    Ja avoinna on vain tehtävä "Raportoi käyttöönottokoe Kelaan", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Raportoi käyttöönottokoe Kelaan" tiedoilla:
      | report_sent_on | tänään |
    Niin prosessi on päättynyt tapahtumaan "Potilastietovaranto käytössä"
    Ja avoimia tehtäviä ei ole
    Ja ajastimia ei ole
    Ja ajastin "Raportin määräaika ylittynyt" ei ole lauennut

  Tapaus: Uusi Kanta-asiakas hyväksyy sitoumuksen heti hakemuksen hyväksynnän jälkeen, ja Kelan tehtävä, jolla se pyytää eilen tehdyn kokeen puuttuvaa raporttia, raukeaa, kun raportti tulee
    Oletetaan palvelunantajan aloittaneen prosessin "Potilastietovarannon käyttöönotto" Y-tunnukselle 7102112-4
    Ja avoinna on vain tehtävä "Ota yhteyttä järjestelmätoimittajaan", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Ota yhteyttä järjestelmätoimittajaan" tiedoilla:
      | vendor_name        | Ajas Oy   |
      | contacted_on       | tänään    |
      | vendor_business_id | 2345678-0 |
    Niin avoinna on vain tehtävä "Lähetä valmisteluohjeet", jonka tekee järjestelmätoimittaja
    Kun järjestelmätoimittaja tekee tehtävän "Lähetä valmisteluohjeet" tiedoilla:
      | instructions_sent_on | tänään  |
      | system_name          | eRA     |
      | system_certified     | kyllä   |
      | intermediary_name    | Ajas Oy |
    Niin avoinna on vain tehtävä "Tee valmistelevat tehtävät", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Tee valmistelevat tehtävät" tiedoilla:
      | register_entries_valid    | kyllä                   |
      | security_plan_ready       | kyllä                   |
      | server_certificates_ready | kyllä                   |
      | customer_data_in_extranet | kyllä                   |
      | organisation_oid          | 1.2.246.10.7102112.10.0 |
    Niin avoinna on vain tehtävä "Tee liittymishakemus Kanta Ekstranetissä", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Tee liittymishakemus Kanta Ekstranetissä" tiedoilla:
      | system_name             | eRA                          |
      | access_point_oid        | 1.2.246.537.6.918.18.10.13.1 |
      | application_date        | tänään                       |
      | planned_test_date       | tänään + 6 viikkoa           |
      | existing_kanta_customer | ei                           |
    Niin odotetaan viestiä "Kelan päätös Potilastietovarannon hakemukseen"
    Kun Kela lähettää viestin "Kelan päätös Potilastietovarannon hakemukseen" tiedoilla:
      | decision | approved |
    Niin avoinna ovat vain tehtävät "Toimita Kelan testihenkilötunnukset", jonka tekee järjestelmätoimittaja, ja "Hyväksy terveydenhuollon sitoumus", jonka tekee palvelunantaja
    Ja ajastimia ei ole
    Kun palvelunantaja yrittää tehdä tehtävän "Hyväksy terveydenhuollon sitoumus" tiedoilla:
      | signatory_name          | Aino Virtanen |
      | commitment_accepted_on  | tänään        |
      | commitment_accepted     | ei            |
    Niin lomake hylätään kentän "commitment_accepted" kohdalta
    Ja avoinna ovat vain tehtävät "Toimita Kelan testihenkilötunnukset", jonka tekee järjestelmätoimittaja, ja "Hyväksy terveydenhuollon sitoumus", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Hyväksy terveydenhuollon sitoumus" tiedoilla:
      | signatory_name          | Aino Virtanen |
      | commitment_accepted_on  | tänään        |
      | commitment_accepted     | kyllä         |
    Niin avoinna on vain tehtävä "Toimita Kelan testihenkilötunnukset", jonka tekee järjestelmätoimittaja
    Ja ajastimia ei ole
    Kun järjestelmätoimittaja tekee tehtävän "Toimita Kelan testihenkilötunnukset" tiedoilla:
      | test_person_ids_delivered_on | tänään |
    Niin avoinna on vain tehtävä "Tee käyttöönottokoe", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Tee käyttöönottokoe" tiedoilla:
      | test_date   | tänään - 1 päivä |
      | test_result | passed           |
    Niin avoinna on vain tehtävä "Raportoi käyttöönottokoe Kelaan", jonka tekee palvelunantaja
    Ja ajastin "Raportin määräaika ylittynyt" laukeaa 2 päivän kuluttua
    Kun aikaa on kulunut yksi päivä
    Niin ajastin "Raportin määräaika ylittynyt" ei ole lauennut
    Ja avoinna on vain tehtävä "Raportoi käyttöönottokoe Kelaan", jonka tekee palvelunantaja
    Kun aikaa on kulunut yksi päivä
    Niin ajastin "Raportin määräaika ylittynyt" on lauennut kerran
    Ja avoimina ovat tehtävät:
      | osapuoli       | tehtävä                         |
      | palvelunantaja | Raportoi käyttöönottokoe Kelaan |
      | Kela           | Pyydä puuttuvaa koeraporttia    |
    Ja ajastimia ei ole
    Kun palvelunantaja tekee tehtävän "Raportoi käyttöönottokoe Kelaan" tiedoilla:
      | report_sent_on | tänään |
    Niin prosessi on päättynyt tapahtumaan "Potilastietovaranto käytössä"
    Ja vaihetta "Pyydä puuttuvaa koeraporttia" ei ole tehty
    Ja avoimia tehtäviä ei ole
    Ja ajastimia ei ole

  Tapaus: Kela pyytää raporttia, jota ei ole tullut kahden päivän kuluessa kokeesta, ja palvelunantaja raportoi pyynnön jälkeen; sitoumusta odottamatta koe tehdään ja raportoidaan, ja käyttöönotto päättyy, kun sitoumus on hyväksytty
    Oletetaan palvelunantajan aloittaneen prosessin "Potilastietovarannon käyttöönotto" Y-tunnukselle 7102113-2
    Ja avoinna on vain tehtävä "Ota yhteyttä järjestelmätoimittajaan", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Ota yhteyttä järjestelmätoimittajaan" tiedoilla:
      | vendor_name        | Ajas Oy   |
      | contacted_on       | tänään    |
      | vendor_business_id | 2345678-0 |
    Niin avoinna on vain tehtävä "Lähetä valmisteluohjeet", jonka tekee järjestelmätoimittaja
    Kun järjestelmätoimittaja tekee tehtävän "Lähetä valmisteluohjeet" tiedoilla:
      | instructions_sent_on | tänään  |
      | system_name          | eRA     |
      | system_certified     | kyllä   |
      | intermediary_name    | Ajas Oy |
    Niin avoinna on vain tehtävä "Tee valmistelevat tehtävät", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Tee valmistelevat tehtävät" tiedoilla:
      | register_entries_valid    | kyllä                   |
      | security_plan_ready       | kyllä                   |
      | server_certificates_ready | kyllä                   |
      | customer_data_in_extranet | kyllä                   |
      | organisation_oid          | 1.2.246.10.7102113.10.0 |
    Niin avoinna on vain tehtävä "Tee liittymishakemus Kanta Ekstranetissä", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Tee liittymishakemus Kanta Ekstranetissä" tiedoilla:
      | system_name             | eRA                          |
      | access_point_oid        | 1.2.246.537.6.918.18.10.13.1 |
      | application_date        | tänään                       |
      | planned_test_date       | tänään + 6 viikkoa           |
      | existing_kanta_customer | ei                           |
    Niin odotetaan viestiä "Kelan päätös Potilastietovarannon hakemukseen"
    Kun Kela lähettää viestin "Kelan päätös Potilastietovarannon hakemukseen" tiedoilla:
      | decision | approved |
    Niin avoinna ovat vain tehtävät "Toimita Kelan testihenkilötunnukset", jonka tekee järjestelmätoimittaja, ja "Hyväksy terveydenhuollon sitoumus", jonka tekee palvelunantaja
    Ja ajastimia ei ole
    Kun palvelunantaja yrittää tehdä tehtävän "Hyväksy terveydenhuollon sitoumus" tiedoilla:
      | signatory_name          | Aino Virtanen |
      | commitment_accepted_on  | tänään        |
      | commitment_accepted     | ei            |
    Niin lomake hylätään kentän "commitment_accepted" kohdalta
    Ja avoinna ovat vain tehtävät "Toimita Kelan testihenkilötunnukset", jonka tekee järjestelmätoimittaja, ja "Hyväksy terveydenhuollon sitoumus", jonka tekee palvelunantaja
    Kun järjestelmätoimittaja tekee tehtävän "Toimita Kelan testihenkilötunnukset" tiedoilla:
      | test_person_ids_delivered_on | tänään |
    Niin avoinna ovat vain tehtävät "Tee käyttöönottokoe", jonka tekee palvelunantaja, ja "Hyväksy terveydenhuollon sitoumus", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Tee käyttöönottokoe" tiedoilla:
      | test_date   | tänään - 1 päivä |
      | test_result | passed           |
    Niin avoinna ovat vain tehtävät "Raportoi käyttöönottokoe Kelaan", jonka tekee palvelunantaja, ja "Hyväksy terveydenhuollon sitoumus", jonka tekee palvelunantaja
    Ja ajastin "Raportin määräaika ylittynyt" laukeaa 2 päivän kuluttua
    Kun aikaa on kulunut yksi päivä
    Niin ajastin "Raportin määräaika ylittynyt" ei ole lauennut
    Kun aikaa on kulunut yksi päivä
    Niin ajastin "Raportin määräaika ylittynyt" on lauennut kerran
    Ja avoimina ovat tehtävät:
      | osapuoli       | tehtävä                           |
      | palvelunantaja | Raportoi käyttöönottokoe Kelaan   |
      | palvelunantaja | Hyväksy terveydenhuollon sitoumus |
      | Kela           | Pyydä puuttuvaa koeraporttia      |
    Ja ajastimia ei ole
    Kun Kela tekee tehtävän "Pyydä puuttuvaa koeraporttia" tiedoilla:
      | requested_on | tänään |
    Niin vaihe "Raporttia pyydetty" on tehty
    Kun palvelunantaja tekee tehtävän "Raportoi käyttöönottokoe Kelaan" tiedoilla:
      | report_sent_on | tänään |
    Niin avoinna on vain tehtävä "Hyväksy terveydenhuollon sitoumus", jonka tekee palvelunantaja
    Ja vaihe "Potilastietovaranto otettu käyttöön" on tehty
    Ja prosessi on käynnissä
    Ja vaihetta "Potilastietovaranto käytössä" ei ole tehty
    Kun palvelunantaja tekee tehtävän "Hyväksy terveydenhuollon sitoumus" tiedoilla:
      | signatory_name          | Aino Virtanen |
      | commitment_accepted_on  | tänään        |
      | commitment_accepted     | kyllä         |
    Niin prosessi on päättynyt tapahtumiin:
      | Potilastietovaranto käytössä |
      | Raporttia pyydetty           |
    Ja avoimia tehtäviä ei ole
    Ja ajastimia ei ole
