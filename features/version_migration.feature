# language: fi
Ominaisuus: Uusi versio kesken oleville liittymisille
  In English: an onboarding runs for months while the analysts change its diagram. When a changed diagram is
  published as a new version, the onboardings already running stay on their version until an admin moves
  them. The migration plan says what the new version adds, removes and changes and where each waiting
  onboarding would stand; an onboarding waiting at a task the new version removed moves only when the admin
  says where it waits instead. Once moved, the onboardings go on and finish on the new version. A timer whose
  run fails stops its onboarding with an incident; the admin corrects the data and retries, and the
  onboarding goes on. The scenarios change copies of catalogue processes, never the catalogue itself.

  Liittyminen kestää kuukausia, ja analyytikot muuttavat kaaviota sillä välin. Kun muutettu kaavio
  julkaistaan uutena versiona, jo käynnissä olevat liittymiset pysyvät versiossaan, kunnes ylläpitäjä
  siirtää ne. Siirtosuunnitelma kertoo, mitä uusi versio lisää, poistaa ja muuttaa ja missä kukin odottava
  liittyminen olisi siirron jälkeen; liittyminen, joka odottaa uudesta versiosta poistetussa tehtävässä,
  siirtyy vain, kun ylläpitäjä kertoo, missä se odottaa sen sijaan. Siirretyt liittymiset jatkuvat ja
  päättyvät uuden version mukaan. Ajastin, jonka laukeaminen epäonnistuu, pysäyttää liittymisen häiriöön;
  ylläpitäjä korjaa tiedot ja yrittää uudelleen, ja liittyminen jatkuu.

  Tapaus: Analyytikko lisää, poistaa ja ohjaa uudelleen vaiheita, kun liittymiset odottavat eri vaiheissa, ja ne päättyvät uuden version mukaan
    Oletetaan palvelunantajan aloittaneen prosessin "Potilastietovarannon käyttöönotto" Y-tunnukselle 7102200-4
    Ja avoinna on vain tehtävä "Ota yhteyttä järjestelmätoimittajaan", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Ota yhteyttä järjestelmätoimittajaan" tiedoilla:
      | vendor_name        | Ajas Oy   |
      | contacted_on       | tänään    |
      | vendor_business_id | 2345678-0 |
    Niin avoinna on vain tehtävä "Lähetä valmisteluohjeet", jonka tekee järjestelmätoimittaja
    Kun palvelunantaja aloittaa prosessin "Potilastietovarannon käyttöönotto" Y-tunnukselle 7102201-2
    Niin avoinna on vain tehtävä "Ota yhteyttä järjestelmätoimittajaan", jonka tekee palvelunantaja
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
      | organisation_oid          | 1.2.246.10.7102201.10.0 |
    Niin avoinna on vain tehtävä "Tee liittymishakemus Kanta Ekstranetissä", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Tee liittymishakemus Kanta Ekstranetissä" tiedoilla:
      | system_name             | eRA                          |
      | access_point_oid        | 1.2.246.537.6.918.18.10.13.1 |
      | application_date        | tänään                       |
      | planned_test_date       | tänään + 6 viikkoa           |
      | existing_kanta_customer | kyllä                        |
    Niin odotetaan viestiä "Kelan päätös Potilastietovarannon hakemukseen"
    Kun palvelunantaja aloittaa prosessin "Potilastietovarannon käyttöönotto" Y-tunnukselle 7102202-0
    Niin avoinna on vain tehtävä "Ota yhteyttä järjestelmätoimittajaan", jonka tekee palvelunantaja
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
      | organisation_oid          | 1.2.246.10.7102202.10.0 |
    Niin avoinna on vain tehtävä "Tee liittymishakemus Kanta Ekstranetissä", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Tee liittymishakemus Kanta Ekstranetissä" tiedoilla:
      | system_name             | eRA                          |
      | access_point_oid        | 1.2.246.537.6.918.18.10.13.1 |
      | application_date        | tänään                       |
      | planned_test_date       | tänään + 6 viikkoa           |
      | existing_kanta_customer | kyllä                        |
    Niin odotetaan viestiä "Kelan päätös Potilastietovarannon hakemukseen"
    Kun Kela lähettää viestin "Kelan päätös Potilastietovarannon hakemukseen" tiedoilla:
      | decision      | rejected                        |
      | decision_note | Palvelinvarmenne on vanhentunut |
    Niin avoinna on vain tehtävä "Korjaa hakemus", jonka tekee palvelunantaja
    Kun analyytikko avaa prosessin "Potilastietovarannon käyttöönotto" muokattavaksi
    Ja analyytikko lisää tehtävän "Tarkista palvelinvarmenteet" vaiheen "Lähetä valmisteluohjeet" jälkeen
    Ja analyytikko poistaa tehtävän "Korjaa hakemus"
    Ja analyytikko ohjaa portin "Hyväksyttiinkö hakemus?" haaran "Ei hyväksytty" vaiheeseen "Tarkista palvelinvarmenteet"
    Ja analyytikko julkaisee muutetun prosessin
    Niin prosessista "Potilastietovarannon käyttöönotto" on julkaistu versio 2
    Ja siirtosuunnitelma prosessin "Potilastietovarannon käyttöönotto" versiosta 1 versioon 2 kertoo:
      | vaihe                      | odottaa | siirron jälkeen            |
      | Lähetä valmisteluohjeet | 1       | Lähetä valmisteluohjeet |
      | Kelan päätös saapunut   | 1       | Kelan päätös saapunut   |
      | Korjaa hakemus          | 1       | vastaavuus puuttuu      |
    Ja suunnitelman mukaan uusi versio lisää vaiheen "Tarkista palvelinvarmenteet"
    Ja suunnitelman mukaan uusi versio poistaa vaiheen "Korjaa hakemus"
    Ja suunnitelman mukaan uusi versio muuttaa vaihetta "Hyväksyttiinkö hakemus?"
    Kun ylläpitäjä kokeilee siirtää prosessin "Potilastietovarannon käyttöönotto" liittymiset versiosta 1 versioon 2
    Niin kokeilu siirtäisi 2 liittymistä, mutta ei Y-tunnuksen 7102202-0 liittymistä, joka odottaa vaiheessa "Korjaa hakemus"
    Kun ylläpitäjä siirtää prosessin "Potilastietovarannon käyttöönotto" liittymiset versiosta 1 versioon 2 vastaavuuksin:
      | vanha vaihe    | uusi vaihe                  |
      | Korjaa hakemus | Tarkista palvelinvarmenteet |
    Niin siirrettiin 3 liittymistä versioon 2, eikä yhtään jäänyt siirtämättä

    Kun katsotaan Y-tunnuksen 7102200-4 liittymistä
    Niin liittyminen on versiossa 2
    Ja avoinna on vain tehtävä "Lähetä valmisteluohjeet", jonka tekee järjestelmätoimittaja
    Kun järjestelmätoimittaja tekee tehtävän "Lähetä valmisteluohjeet" tiedoilla:
      | instructions_sent_on | tänään  |
      | system_name          | eRA     |
      | system_certified     | kyllä   |
      | intermediary_name    | Ajas Oy |
    Niin avoinna on vain tehtävä "Tarkista palvelinvarmenteet", jonka tekee järjestelmätoimittaja
    Kun järjestelmätoimittaja tekee tehtävän "Tarkista palvelinvarmenteet"
    Niin avoinna on vain tehtävä "Tee valmistelevat tehtävät", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Tee valmistelevat tehtävät" tiedoilla:
      | register_entries_valid    | kyllä                   |
      | security_plan_ready       | kyllä                   |
      | server_certificates_ready | kyllä                   |
      | customer_data_in_extranet | kyllä                   |
      | organisation_oid          | 1.2.246.10.7102200.10.0 |
    Niin avoinna on vain tehtävä "Tee liittymishakemus Kanta Ekstranetissä", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Tee liittymishakemus Kanta Ekstranetissä" tiedoilla:
      | system_name             | eRA                          |
      | access_point_oid        | 1.2.246.537.6.918.18.10.13.1 |
      | application_date        | tänään                       |
      | planned_test_date       | tänään + 6 viikkoa           |
      | existing_kanta_customer | kyllä                        |
    Niin odotetaan viestiä "Kelan päätös Potilastietovarannon hakemukseen"
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
    Niin prosessi on päättynyt tapahtumaan "Potilastietovaranto käytössä"
    Ja liittyminen on versiossa 2
    Ja vaihe "Tarkista palvelinvarmenteet" on tehty kerran
    Kun katsotaan Y-tunnuksen 7102201-2 liittymistä
    Niin liittyminen on versiossa 2
    Ja odotetaan viestiä "Kelan päätös Potilastietovarannon hakemukseen"
    Kun Kela lähettää viestin "Kelan päätös Potilastietovarannon hakemukseen" tiedoilla:
      | decision      | rejected                        |
      | decision_note | Palvelinvarmenne on vanhentunut |
    Niin avoinna on vain tehtävä "Tarkista palvelinvarmenteet", jonka tekee järjestelmätoimittaja
    Ja viestejä ei odoteta
    Kun järjestelmätoimittaja tekee tehtävän "Tarkista palvelinvarmenteet"
    Niin avoinna on vain tehtävä "Tee valmistelevat tehtävät", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Tee valmistelevat tehtävät" tiedoilla:
      | register_entries_valid    | kyllä                   |
      | security_plan_ready       | kyllä                   |
      | server_certificates_ready | kyllä                   |
      | customer_data_in_extranet | kyllä                   |
      | organisation_oid          | 1.2.246.10.7102201.10.0 |
    Niin avoinna on vain tehtävä "Tee liittymishakemus Kanta Ekstranetissä", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Tee liittymishakemus Kanta Ekstranetissä" tiedoilla:
      | system_name             | eRA                          |
      | access_point_oid        | 1.2.246.537.6.918.18.10.13.1 |
      | application_date        | tänään                       |
      | planned_test_date       | tänään + 6 viikkoa           |
      | existing_kanta_customer | kyllä                        |
    Niin odotetaan viestiä "Kelan päätös Potilastietovarannon hakemukseen"
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
    Niin prosessi on päättynyt tapahtumaan "Potilastietovaranto käytössä"
    Ja liittyminen on versiossa 2
    Ja vaihe "Tarkista palvelinvarmenteet" on tehty kerran
    Ja vaihetta "Korjaa hakemus" ei ole tehty
    Kun katsotaan Y-tunnuksen 7102202-0 liittymistä
    Niin liittyminen on versiossa 2
    Ja avoinna on vain tehtävä "Tarkista palvelinvarmenteet", jonka tekee järjestelmätoimittaja
    Kun järjestelmätoimittaja tekee tehtävän "Tarkista palvelinvarmenteet"
    Niin avoinna on vain tehtävä "Tee valmistelevat tehtävät", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Tee valmistelevat tehtävät" tiedoilla:
      | register_entries_valid    | kyllä                   |
      | security_plan_ready       | kyllä                   |
      | server_certificates_ready | kyllä                   |
      | customer_data_in_extranet | kyllä                   |
      | organisation_oid          | 1.2.246.10.7102202.10.0 |
    Niin avoinna on vain tehtävä "Tee liittymishakemus Kanta Ekstranetissä", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Tee liittymishakemus Kanta Ekstranetissä" tiedoilla:
      | system_name             | eRA                          |
      | access_point_oid        | 1.2.246.537.6.918.18.10.13.1 |
      | application_date        | tänään                       |
      | planned_test_date       | tänään + 6 viikkoa           |
      | existing_kanta_customer | kyllä                        |
    Niin odotetaan viestiä "Kelan päätös Potilastietovarannon hakemukseen"
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
    Niin prosessi on päättynyt tapahtumaan "Potilastietovaranto käytössä"
    Ja liittyminen on versiossa 2
    Ja vaihe "Tarkista palvelinvarmenteet" on tehty kerran
    Ja vaihetta "Korjaa hakemus" ei ole tehty

  Tapaus: Siirretyn liittymisen ajastimen laukeaminen epäonnistuu, ja ylläpitäjä korjaa tiedot ja yrittää uudelleen
    Oletetaan palvelunantajan aloittaneen prosessin "Resepti-palvelun käyttöönotto" Y-tunnukselle 7102203-9
    Ja avoinna on vain tehtävä "Ota yhteyttä järjestelmätoimittajaan", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Ota yhteyttä järjestelmätoimittajaan" tiedoilla:
      | vendor_name        | Ajas Oy   |
      | contacted_on       | tänään    |
      | vendor_business_id | 2345678-0 |
    Niin avoinna on vain tehtävä "Lähetä valmisteluohjeet", jonka tekee järjestelmätoimittaja
    Kun järjestelmätoimittaja tekee tehtävän "Lähetä valmisteluohjeet" tiedoilla:
      | instructions_sent_on | tänään |
      | system_name          | eRA    |
    Niin avoinna on vain tehtävä "Tee valmistelevat tehtävät", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Tee valmistelevat tehtävät" tiedoilla:
      | register_entries_valid    | kyllä             |
      | security_plan_ready       | kyllä             |
      | server_certificates_ready | kyllä             |
      | planned_start_date        | tänään + 7 päivää |
      | existing_kanta_customer   | kyllä             |
    Niin avoinna on vain tehtävä "Tee hallinnolliset toimet Kanta Ekstranetissä", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Tee hallinnolliset toimet Kanta Ekstranetissä" tiedoilla:
      | application_date | tänään                       |
      | system_name      | eRA                          |
      | access_point_oid | 1.2.246.537.6.918.18.10.13.1 |
    Niin odotetaan viestiä "Kelan päätös Resepti-palvelun hakemukseen"
    Kun Kela lähettää viestin "Kelan päätös Resepti-palvelun hakemukseen" tiedoilla:
      | decision | approved |
    Niin avoinna on vain tehtävä "Tee oman organisaation käyttöönoton tehtävät", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Tee oman organisaation käyttöönoton tehtävät" tiedoilla:
      | staff_trained                     | kyllä                             |
      | deployment_check                  | deployment_test_requested_by_kela |
      | production_readiness_verification | ei                                |
    Niin avoinna on vain tehtävä "Tee käyttöönottokoe järjestelmätoimittajan kanssa", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Tee käyttöönottokoe järjestelmätoimittajan kanssa" tiedoilla:
      | test_date   | tänään |
      | test_result | passed |
    Niin avoimina ovat tehtävät:
      | osapuoli       | tehtävä                             |
      | palvelunantaja | Raportoi käyttöönottokoe Kelaan     |
      | palvelunantaja | Aloita Resepti-palvelun käyttäminen |
    Kun palvelunantaja tekee tehtävän "Aloita Resepti-palvelun käyttäminen" tiedoilla:
      | start_date | tänään |
    Niin avoinna on vain tehtävä "Raportoi käyttöönottokoe Kelaan", jonka tekee palvelunantaja
    Ja ajastin "Raportin määräaika ylittynyt" laukeaa 3 päivän kuluttua
    Kun analyytikko avaa prosessin "Resepti-palvelun käyttöönotto" muokattavaksi
    Ja analyytikko kirjaa prosessin alkavan tiedolla "organisation_name"
    Ja analyytikko lisää vaiheen "Raportin määräaika ylittynyt" jälkeen skriptin "Kirjoita muistutus":
      """
      reminder_text = "Koeraportti puuttuu: " + organisation_name
      """
    Ja analyytikko julkaisee muutetun prosessin
    Niin prosessista "Resepti-palvelun käyttöönotto" on julkaistu versio 2
    Ja siirtosuunnitelma prosessin "Resepti-palvelun käyttöönotto" versiosta 1 versioon 2 kertoo:
      | vaihe                           | odottaa | siirron jälkeen                 |
      | Raportoi käyttöönottokoe Kelaan | 1       | Raportoi käyttöönottokoe Kelaan |
      | Raportin määräaika ylittynyt    | 1       | Raportin määräaika ylittynyt    |
    Ja suunnitelman mukaan uusi versio lisää vaiheen "Kirjoita muistutus"
    Kun ylläpitäjä siirtää prosessin "Resepti-palvelun käyttöönotto" liittymiset versiosta 1 versioon 2
    Niin siirrettiin yksi liittyminen versioon 2, eikä yhtään jäänyt siirtämättä
    Ja ajastin "Raportin määräaika ylittynyt" laukeaa 3 päivän kuluttua
    Ja avoinna on vain tehtävä "Raportoi käyttöönottokoe Kelaan", jonka tekee palvelunantaja
    Kun aikaa on kulunut kolme päivää
    Niin prosessi on pysähtynyt häiriöön vaiheessa "Kirjoita muistutus"
    Ja häiriön syy on, ettei tietoa "organisation_name" ole
    Ja avoimia tehtäviä ei ole
    Kun ylläpitäjä korjaa liittymisen tiedot:
      | organisation_name | Apteekki Aurinko Oy |
    Niin historiaan on kirjattu, että ylläpitäjä korjasi tiedon "organisation_name"
    Ja prosessi on pysähtynyt häiriöön vaiheessa "Kirjoita muistutus"
    Kun ylläpitäjä yrittää häiriön vaihetta uudelleen
    Niin häiriö on ratkaistu
    Ja avoimina ovat tehtävät:
      | osapuoli       | tehtävä                         |
      | palvelunantaja | Raportoi käyttöönottokoe Kelaan |
      | Kela           | Pyydä puuttuvaa koeraporttia    |
    Ja tiedon "reminder_text" arvo on Koeraportti puuttuu: Apteekki Aurinko Oy
    Ja ajastin "Raportin määräaika ylittynyt" on lauennut kerran
    Kun Kela tekee tehtävän "Pyydä puuttuvaa koeraporttia" tiedoilla:
      | requested_on | tänään |
    Niin vaihe "Raporttia pyydetty" on tehty
    Ja avoinna on vain tehtävä "Raportoi käyttöönottokoe Kelaan", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Raportoi käyttöönottokoe Kelaan" tiedoilla:
      | report_sent_on | tänään |
    Niin prosessi on päättynyt tapahtumiin:
      | Raporttia pyydetty       |
      | Resepti-palvelu käytössä |
    Ja liittyminen on versiossa 2
