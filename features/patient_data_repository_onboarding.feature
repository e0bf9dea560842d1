# language: fi
Ominaisuus: Potilastiedon arkiston (Potilastietovarannon) käyttöönotto
  In English: a service provider deploys the Patient Data Repository (seeds 001, 000, 003). It contacts its
  system vendor, who sends the preparation instructions and names the certified system and the Kanta
  intermediary; the provider completes the preparatory tasks and files the joining application in Kanta
  Extranet with the system, the access point OID, the planned deployment test date and whether it already is
  a Kanta customer. Kela decides; a refused application is corrected and filed again. A first Kanta service
  needs the Kanta customer commitment, sent 2–4 weeks before the test: the task opens four weeks before the
  test, and if it is still not done two weeks before the test Kela reminds the provider. The vendor delivers
  Kela's test person IDs, the provider runs the deployment test with the vendor (a failed test is fixed and
  run again) and reports it to Kela within two days of the successful test; after two days Kela asks for the
  missing report. The instance completes when the report is sent and Kela has done its reminders.

  Palvelunantaja ottaa yhteyttä järjestelmätoimittajaan, joka lähettää valmisteluohjeet ja nimeää
  sertifioidun potilastietojärjestelmän ja Kanta-välittäjän. Palvelunantaja tekee valmistelevat tehtävät
  (rekisteritiedot, tietoturvasuunnitelma, palvelinvarmenteet, asiakastiedot Kanta Ekstranetissä) ja
  liittymishakemuksen, jossa se nimeää järjestelmän, liityntäpisteen OID:n, suunnitellun käyttöönottokokeen
  päivän ja kertoo, onko se jo Kanta-asiakas. Kela päättää; hylätty hakemus korjataan ja lähetetään
  uudelleen. Uusi Kanta-asiakas lähettää Kanta-asiakkuuden sitoumuksen Kelaan 2–4 viikkoa ennen
  käyttöönottokoetta: tehtävä avautuu neljä viikkoa ennen koetta, ja jos sitoumusta ei ole kaksi viikkoa
  ennen koetta, Kela muistuttaa. Järjestelmätoimittaja toimittaa Kelan testihenkilötunnukset, palvelunantaja
  tekee käyttöönottokokeen järjestelmätoimittajan kanssa (epäonnistunut koe korjataan ja uusitaan) ja
  raportoi sen Kelaan viimeistään kaksi päivää onnistuneen kokeen jälkeen; muuten Kela pyytää raporttia.

  Tapausaihio: Kanta-asiakkuuden sitoumus vaaditaan vain ensimmäiseltä Kanta-palvelulta (jo asiakas: <asiakas>)
    Oletetaan että palvelunantaja aloittaa prosessin "Patient Data Repository onboarding" Y-tunnukselle <y_tunnus>
    Ja avoinna on vain tehtävä "Contact the system vendor", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Contact the system vendor" tiedoilla:
      | vendor_name  | Ajas Oy |
      | contacted_on | tänään  |
    Niin avoinna on vain tehtävä "Send the preparation instructions", jonka tekee järjestelmätoimittaja
    Kun järjestelmätoimittaja tekee tehtävän "Send the preparation instructions" tiedoilla:
      | instructions_sent_on | tänään  |
      | system_name          | eRA     |
      | system_certified     | kyllä   |
      | intermediary_name    | Ajas Oy |
    Niin avoinna on vain tehtävä "Complete the preparatory tasks", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Complete the preparatory tasks" tiedoilla:
      | register_entries_valid    | kyllä                   |
      | security_plan_ready       | kyllä                   |
      | server_certificates_ready | kyllä                   |
      | customer_data_in_extranet | kyllä                   |
      | organisation_oid          | 1.2.246.10.7375462.10.0 |
    Niin avoinna on vain tehtävä "File the joining application in Kanta Extranet", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "File the joining application in Kanta Extranet" tiedoilla:
      | system_name             | eRA                          |
      | access_point_oid        | 1.2.246.537.6.918.18.10.13.1 |
      | application_date        | tänään                       |
      | planned_test_date       | tänään + 6 viikkoa           |
      | existing_kanta_customer | <asiakas>                    |
    Niin odotetaan viestiä "Kelan päätös hakemukseen"
    Ja avoimia tehtäviä ei ole
    Kun Kela lähettää viestin "Kelan päätös hakemukseen" tiedoilla:
      | decision | approved |
    Niin <seuraavaksi>
    Ja <ajastimet>
    Ja viestejä ei odoteta
    Ja tieto "existing_kanta_customer" on <asiakas>

    Tapaukset:
      | y_tunnus  | asiakas | seuraavaksi                                                                                 | ajastimet                                                       |
      | 2233445-8 | kyllä   | avoinna on vain tehtävä "Deliver Kela's test person IDs", jonka tekee järjestelmätoimittaja | ajastimia ei ole                                                |
      | 3344556-7 | ei      | avoimia tehtäviä ei ole                                                                     | ajastin "Four weeks before the test" laukeaa 14 päivän kuluttua |

  Tapaus: Hylätty hakemus korjataan ja lähetetään uudelleen, epäonnistunut käyttöönottokoe korjataan ja uusitaan
    Oletetaan että palvelunantaja aloittaa prosessin "Patient Data Repository onboarding" Y-tunnukselle 4455667-6
    Ja avoinna on vain tehtävä "Contact the system vendor", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Contact the system vendor" tiedoilla:
      | vendor_name  | Ajas Oy |
      | contacted_on | tänään  |
    Niin avoinna on vain tehtävä "Send the preparation instructions", jonka tekee järjestelmätoimittaja
    Kun järjestelmätoimittaja yrittää tehdä tehtävän "Send the preparation instructions" tiedoilla:
      | instructions_sent_on | tänään  |
      | system_name          | eRA     |
      | system_certified     | ei      |
      | intermediary_name    | Ajas Oy |
    Niin lomake hylätään kentän "system_certified" kohdalta
    Ja avoinna on vain tehtävä "Send the preparation instructions", jonka tekee järjestelmätoimittaja
    Kun järjestelmätoimittaja tekee tehtävän "Send the preparation instructions" tiedoilla:
      | instructions_sent_on | tänään  |
      | system_name          | eRA     |
      | system_certified     | kyllä   |
      | intermediary_name    | Ajas Oy |
    Niin avoinna on vain tehtävä "Complete the preparatory tasks", jonka tekee palvelunantaja
    Kun palvelunantaja yrittää tehdä tehtävän "Complete the preparatory tasks" tiedoilla:
      | register_entries_valid    | kyllä          |
      | security_plan_ready       | kyllä          |
      | server_certificates_ready | kyllä          |
      | customer_data_in_extranet | kyllä          |
      | organisation_oid          | 2.16.840.1.113 |
    Niin lomake hylätään kentän "organisation_oid" kohdalta
    Ja avoinna on vain tehtävä "Complete the preparatory tasks", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Complete the preparatory tasks" tiedoilla:
      | register_entries_valid    | kyllä                   |
      | security_plan_ready       | kyllä                   |
      | server_certificates_ready | kyllä                   |
      | customer_data_in_extranet | kyllä                   |
      | organisation_oid          | 1.2.246.10.4455667.10.0 |
    Niin avoinna on vain tehtävä "File the joining application in Kanta Extranet", jonka tekee palvelunantaja
    Kun palvelunantaja yrittää tehdä tehtävän "File the joining application in Kanta Extranet" tiedoilla:
      | system_name             | eRA                          |
      | access_point_oid        | 1.2.246.537.6.918.18.10.13.1 |
      | application_date        | tänään                       |
      | planned_test_date       | ensi kuussa                  |
      | existing_kanta_customer | kyllä                        |
    Niin lomake hylätään kentän "planned_test_date" kohdalta
    Ja avoinna on vain tehtävä "File the joining application in Kanta Extranet", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "File the joining application in Kanta Extranet" tiedoilla:
      | system_name             | eRA                          |
      | access_point_oid        | 1.2.246.537.6.918.18.10.13.1 |
      | application_date        | tänään                       |
      | planned_test_date       | tänään + 4 viikkoa           |
      | existing_kanta_customer | kyllä                        |
    Niin odotetaan viestiä "Kelan päätös hakemukseen"
    Ja avoimia tehtäviä ei ole
    Kun Kela lähettää viestin "Kelan päätös hakemukseen" tiedoilla:
      | decision      | rejected                              |
      | decision_note | Liityntäpisteen yhteyshenkilö puuttuu |
    Niin avoinna on vain tehtävä "Correct the application", jonka tekee palvelunantaja
    Ja viestejä ei odoteta
    Kun palvelunantaja tekee tehtävän "Correct the application" tiedoilla:
      | correction   | Liityntäpisteen yhteyshenkilö lisätty |
      | corrected_on | tänään                                |
    Niin avoinna on vain tehtävä "File the joining application in Kanta Extranet", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "File the joining application in Kanta Extranet" tiedoilla:
      | system_name             | eRA                          |
      | access_point_oid        | 1.2.246.537.6.918.18.10.13.1 |
      | application_date        | tänään                       |
      | planned_test_date       | tänään + 4 viikkoa           |
      | existing_kanta_customer | kyllä                        |
    Niin odotetaan viestiä "Kelan päätös hakemukseen"
    Kun Kela lähettää viestin "Kelan päätös hakemukseen" tiedoilla:
      | decision | approved |
    Niin avoinna on vain tehtävä "Deliver Kela's test person IDs", jonka tekee järjestelmätoimittaja
    Ja ajastimia ei ole
    Ja vaihe "Correct the application" on tehty 1 kertaa
    Ja vaihetta "Sign the Kanta customer commitment" ei ole tehty
    Kun järjestelmätoimittaja tekee tehtävän "Deliver Kela's test person IDs" tiedoilla:
      | test_person_ids_delivered_on | tänään |
    Niin avoinna on vain tehtävä "Run the deployment test", jonka tekee palvelunantaja
    Kun palvelunantaja yrittää tehdä tehtävän "Run the deployment test" tiedoilla:
      | test_date   | tänään |
      | test_result | ok     |
    Niin lomake hylätään kentän "test_result" kohdalta
    Ja avoinna on vain tehtävä "Run the deployment test", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Run the deployment test" tiedoilla:
      | test_date   | tänään                       |
      | test_result | failed                       |
      | notes       | Palvelinvarmenne vanhentunut |
    Niin avoinna on vain tehtävä "Fix the cause of the failed test", jonka tekee järjestelmätoimittaja
    Ja ajastimia ei ole
    Kun järjestelmätoimittaja tekee tehtävän "Fix the cause of the failed test" tiedoilla:
      | fault_description | Palvelinvarmenne uusittu |
      | fixed_on          | tänään                   |
    Niin avoinna on vain tehtävä "Run the deployment test", jonka tekee palvelunantaja
    Kun on kulunut 1 päivää
    Niin avoinna on vain tehtävä "Run the deployment test", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Run the deployment test" tiedoilla:
      | test_date   | tänään |
      | test_result | passed |
    Niin avoinna on vain tehtävä "Report the deployment test to Kela", jonka tekee palvelunantaja
    Ja ajastin "Two days passed" laukeaa 2 päivän kuluttua
    Ja vaihe "Run the deployment test" on tehty 2 kertaa
    Ja vaihe "Fix the cause of the failed test" on tehty 1 kertaa
    Kun on kulunut 1 päivää
    Niin ajastin "Two days passed" ei ole lauennut
    Ja ajastin "Two days passed" laukeaa 1 päivän kuluttua
    Ja avoinna on vain tehtävä "Report the deployment test to Kela", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Report the deployment test to Kela" tiedoilla:
      | report_sent_on | tänään            |
      | test_date      | tänään - 1 päivää |
    Niin prosessi on päättynyt tapahtumaan "Patient Data Repository in use"
    Ja avoimia tehtäviä ei ole
    Ja ajastimia ei ole
    Ja ajastin "Two days passed" ei ole lauennut

  Tapaus: Uusi Kanta-asiakas allekirjoittaa sitoumuksen 2–4 viikkoa ennen koetta, eikä Kela muistuta
    Oletetaan että palvelunantaja aloittaa prosessin "Patient Data Repository onboarding" Y-tunnukselle 5566778-5
    Ja avoinna on vain tehtävä "Contact the system vendor", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Contact the system vendor" tiedoilla:
      | vendor_name  | Ajas Oy |
      | contacted_on | tänään  |
    Niin avoinna on vain tehtävä "Send the preparation instructions", jonka tekee järjestelmätoimittaja
    Kun järjestelmätoimittaja tekee tehtävän "Send the preparation instructions" tiedoilla:
      | instructions_sent_on | tänään  |
      | system_name          | eRA     |
      | system_certified     | kyllä   |
      | intermediary_name    | Ajas Oy |
    Niin avoinna on vain tehtävä "Complete the preparatory tasks", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Complete the preparatory tasks" tiedoilla:
      | register_entries_valid    | kyllä                   |
      | security_plan_ready       | kyllä                   |
      | server_certificates_ready | kyllä                   |
      | customer_data_in_extranet | kyllä                   |
      | organisation_oid          | 1.2.246.10.5566778.10.0 |
    Niin avoinna on vain tehtävä "File the joining application in Kanta Extranet", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "File the joining application in Kanta Extranet" tiedoilla:
      | system_name             | eRA                          |
      | access_point_oid        | 1.2.246.537.6.918.18.10.13.1 |
      | application_date        | tänään                       |
      | planned_test_date       | tänään + 6 viikkoa           |
      | existing_kanta_customer | ei                           |
    Niin odotetaan viestiä "Kelan päätös hakemukseen"
    Kun Kela lähettää viestin "Kelan päätös hakemukseen" tiedoilla:
      | decision | approved |
    Niin avoimia tehtäviä ei ole
    Ja ajastin "Four weeks before the test" laukeaa 14 päivän kuluttua
    Ja odottavia ajastimia on 1
    Kun on kulunut 13 päivää
    Niin ajastin "Four weeks before the test" ei ole lauennut
    Ja ajastin "Four weeks before the test" laukeaa 1 päivän kuluttua
    Ja avoimia tehtäviä ei ole
    Kun on kulunut 1 päivää
    Niin ajastin "Four weeks before the test" on lauennut 1 kertaa
    Ja avoinna on vain tehtävä "Sign the Kanta customer commitment", jonka tekee palvelunantaja
    Ja ajastin "Two weeks before the test" laukeaa 14 päivän kuluttua
    Ja odottavia ajastimia on 1
    Kun palvelunantaja yrittää tehdä tehtävän "Sign the Kanta customer commitment" tiedoilla:
      | signatory_name          | Aino Virtanen |
      | commitment_signed_on    | tänään        |
      | commitment_sent_to_kela | ei            |
    Niin lomake hylätään kentän "commitment_sent_to_kela" kohdalta
    Ja avoinna on vain tehtävä "Sign the Kanta customer commitment", jonka tekee palvelunantaja
    Kun on kulunut 1 viikkoa
    Niin ajastin "Two weeks before the test" laukeaa 7 päivän kuluttua
    Ja avoinna on vain tehtävä "Sign the Kanta customer commitment", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Sign the Kanta customer commitment" tiedoilla:
      | signatory_name          | Aino Virtanen |
      | commitment_signed_on    | tänään        |
      | commitment_sent_to_kela | kyllä         |
    Niin avoinna on vain tehtävä "Deliver Kela's test person IDs", jonka tekee järjestelmätoimittaja
    Ja ajastimia ei ole
    Kun on kulunut 1 viikkoa
    Niin ajastin "Two weeks before the test" ei ole lauennut
    Ja avoinna on vain tehtävä "Deliver Kela's test person IDs", jonka tekee järjestelmätoimittaja
    Kun järjestelmätoimittaja tekee tehtävän "Deliver Kela's test person IDs" tiedoilla:
      | test_person_ids_delivered_on | tänään |
    Niin avoinna on vain tehtävä "Run the deployment test", jonka tekee palvelunantaja
    Kun on kulunut 2 viikkoa
    Niin avoinna on vain tehtävä "Run the deployment test", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Run the deployment test" tiedoilla:
      | test_date   | tänään |
      | test_result | passed |
    Niin avoinna on vain tehtävä "Report the deployment test to Kela", jonka tekee palvelunantaja
    Ja ajastin "Two days passed" laukeaa 2 päivän kuluttua
    Kun palvelunantaja tekee tehtävän "Report the deployment test to Kela" tiedoilla:
      | report_sent_on | tänään |
      | test_date      | tänään |
    Niin prosessi on päättynyt tapahtumaan "Patient Data Repository in use"
    Ja ajastimia ei ole
    Ja vaihetta "Remind about the missing commitment" ei ole tehty
    Ja vaihetta "Ask for the missing test report" ei ole tehty

  Tapaus: Sitoumusta ei ole kaksi viikkoa ennen koetta eikä raporttia kahden päivän päästä: Kela muistuttaa ja pyytää, ja prosessi päättyy vasta Kelan tehtävien jälkeen
    Oletetaan että palvelunantaja aloittaa prosessin "Patient Data Repository onboarding" Y-tunnukselle 6677889-4
    Ja avoinna on vain tehtävä "Contact the system vendor", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Contact the system vendor" tiedoilla:
      | vendor_name  | Ajas Oy |
      | contacted_on | tänään  |
    Niin avoinna on vain tehtävä "Send the preparation instructions", jonka tekee järjestelmätoimittaja
    Kun järjestelmätoimittaja tekee tehtävän "Send the preparation instructions" tiedoilla:
      | instructions_sent_on | tänään  |
      | system_name          | eRA     |
      | system_certified     | kyllä   |
      | intermediary_name    | Ajas Oy |
    Niin avoinna on vain tehtävä "Complete the preparatory tasks", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Complete the preparatory tasks" tiedoilla:
      | register_entries_valid    | kyllä                   |
      | security_plan_ready       | kyllä                   |
      | server_certificates_ready | kyllä                   |
      | customer_data_in_extranet | kyllä                   |
      | organisation_oid          | 1.2.246.10.6677889.10.0 |
    Niin avoinna on vain tehtävä "File the joining application in Kanta Extranet", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "File the joining application in Kanta Extranet" tiedoilla:
      | system_name             | eRA                          |
      | access_point_oid        | 1.2.246.537.6.918.18.10.13.1 |
      | application_date        | tänään                       |
      | planned_test_date       | tänään + 6 viikkoa           |
      | existing_kanta_customer | ei                           |
    Niin odotetaan viestiä "Kelan päätös hakemukseen"
    Kun Kela lähettää viestin "Kelan päätös hakemukseen" tiedoilla:
      | decision | approved |
    Niin ajastin "Four weeks before the test" laukeaa 14 päivän kuluttua
    Ja avoimia tehtäviä ei ole
    Kun on kulunut 14 päivää
    Niin avoinna on vain tehtävä "Sign the Kanta customer commitment", jonka tekee palvelunantaja
    Ja ajastin "Two weeks before the test" laukeaa 14 päivän kuluttua
    Kun on kulunut 13 päivää
    Niin ajastin "Two weeks before the test" ei ole lauennut
    Ja ajastin "Two weeks before the test" laukeaa 1 päivän kuluttua
    Ja avoinna on vain tehtävä "Sign the Kanta customer commitment", jonka tekee palvelunantaja
    Kun on kulunut 1 päivää
    Niin ajastin "Two weeks before the test" on lauennut 1 kertaa
    Ja avoimina ovat tehtävät:
      | osapuoli       | tehtävä                             |
      | palvelunantaja | Sign the Kanta customer commitment  |
      | Kela           | Remind about the missing commitment |
    Ja ajastimia ei ole
    Kun Kela tekee tehtävän "Remind about the missing commitment" tiedoilla:
      | reminded_on | tänään                                        |
      | note        | Sitoumus puuttuu, koe siirretään tarvittaessa |
    Niin avoinna on vain tehtävä "Sign the Kanta customer commitment", jonka tekee palvelunantaja
    Ja vaihe "Reminder sent" on tehty
    Ja prosessi on käynnissä
    Kun palvelunantaja tekee tehtävän "Sign the Kanta customer commitment" tiedoilla:
      | signatory_name          | Aino Virtanen |
      | commitment_signed_on    | tänään        |
      | commitment_sent_to_kela | kyllä         |
    Niin avoinna on vain tehtävä "Deliver Kela's test person IDs", jonka tekee järjestelmätoimittaja
    Kun järjestelmätoimittaja tekee tehtävän "Deliver Kela's test person IDs" tiedoilla:
      | test_person_ids_delivered_on | tänään |
    Niin avoinna on vain tehtävä "Run the deployment test", jonka tekee palvelunantaja
    Kun on kulunut 2 viikkoa
    Niin avoinna on vain tehtävä "Run the deployment test", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Run the deployment test" tiedoilla:
      | test_date   | tänään |
      | test_result | passed |
    Niin avoinna on vain tehtävä "Report the deployment test to Kela", jonka tekee palvelunantaja
    Ja ajastin "Two days passed" laukeaa 2 päivän kuluttua
    Kun on kulunut 1 päivää
    Niin ajastin "Two days passed" ei ole lauennut
    Ja avoinna on vain tehtävä "Report the deployment test to Kela", jonka tekee palvelunantaja
    Kun on kulunut 1 päivää
    Niin ajastin "Two days passed" on lauennut 1 kertaa
    Ja avoimina ovat tehtävät:
      | osapuoli       | tehtävä                            |
      | palvelunantaja | Report the deployment test to Kela |
      | Kela           | Ask for the missing test report    |
    Ja ajastimia ei ole
    Kun palvelunantaja tekee tehtävän "Report the deployment test to Kela" tiedoilla:
      | report_sent_on | tänään            |
      | test_date      | tänään - 2 päivää |
    Niin avoinna on vain tehtävä "Ask for the missing test report", jonka tekee Kela
    Ja vaihe "Patient Data Repository in use" on tehty
    Ja prosessi on käynnissä
    Kun Kela tekee tehtävän "Ask for the missing test report" tiedoilla:
      | requested_on | tänään |
    Niin prosessi on päättynyt tapahtumiin:
      | Reminder sent                  |
      | Patient Data Repository in use |
      | Report requested               |
    Ja avoimia tehtäviä ei ole
    Ja ajastimia ei ole

  Tapausaihio: Sitoumusikkuna lasketaan suunnitellusta koepäivästä, eikä jo mennyt ikkuna odota (koe <koe>)
    Oletetaan että palvelunantaja aloittaa prosessin "Patient Data Repository onboarding" Y-tunnukselle <y_tunnus>
    Ja avoinna on vain tehtävä "Contact the system vendor", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Contact the system vendor" tiedoilla:
      | vendor_name  | Ajas Oy |
      | contacted_on | tänään  |
    Niin avoinna on vain tehtävä "Send the preparation instructions", jonka tekee järjestelmätoimittaja
    Kun järjestelmätoimittaja tekee tehtävän "Send the preparation instructions" tiedoilla:
      | instructions_sent_on | tänään  |
      | system_name          | eRA     |
      | system_certified     | kyllä   |
      | intermediary_name    | Ajas Oy |
    Niin avoinna on vain tehtävä "Complete the preparatory tasks", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Complete the preparatory tasks" tiedoilla:
      | register_entries_valid    | kyllä                   |
      | security_plan_ready       | kyllä                   |
      | server_certificates_ready | kyllä                   |
      | customer_data_in_extranet | kyllä                   |
      | organisation_oid          | 1.2.246.10.7788990.10.0 |
    Niin avoinna on vain tehtävä "File the joining application in Kanta Extranet", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "File the joining application in Kanta Extranet" tiedoilla:
      | system_name             | eRA                          |
      | access_point_oid        | 1.2.246.537.6.918.18.10.13.1 |
      | application_date        | tänään                       |
      | planned_test_date       | <koe>                        |
      | existing_kanta_customer | ei                           |
    Niin odotetaan viestiä "Kelan päätös hakemukseen"
    Kun Kela lähettää viestin "Kelan päätös hakemukseen" tiedoilla:
      | decision | approved |
    Niin <ikkuna>
    Ja <tehtavat>
    Ja <muistutus>
    Ja odottavia ajastimia on 1

    Tapaukset:
      | y_tunnus  | koe                | ikkuna                                                         | tehtavat                                                                                 | muistutus                                                     |
      | 7788990-1 | tänään + 5 viikkoa | ajastin "Four weeks before the test" laukeaa 7 päivän kuluttua | avoimia tehtäviä ei ole                                                                  | ajastin "Two weeks before the test" ei ole lauennut           |
      | 9900112-5 | tänään + 3 viikkoa | ajastin "Four weeks before the test" on lauennut 1 kertaa      | avoinna on vain tehtävä "Sign the Kanta customer commitment", jonka tekee palvelunantaja | ajastin "Two weeks before the test" laukeaa 7 päivän kuluttua |
      | 1122334-9 | tänään + 15 päivää | ajastin "Four weeks before the test" on lauennut 1 kertaa      | avoinna on vain tehtävä "Sign the Kanta customer commitment", jonka tekee palvelunantaja | ajastin "Two weeks before the test" laukeaa 1 päivän kuluttua |

  Tapaus: Koe alle kahden viikon päässä: sitoumus ja Kelan muistutus avautuvat heti hyväksynnästä
    Oletetaan että palvelunantaja aloittaa prosessin "Patient Data Repository onboarding" Y-tunnukselle 1472583-8
    Ja avoinna on vain tehtävä "Contact the system vendor", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Contact the system vendor" tiedoilla:
      | vendor_name  | Ajas Oy |
      | contacted_on | tänään  |
    Niin avoinna on vain tehtävä "Send the preparation instructions", jonka tekee järjestelmätoimittaja
    Kun järjestelmätoimittaja tekee tehtävän "Send the preparation instructions" tiedoilla:
      | instructions_sent_on | tänään  |
      | system_name          | eRA     |
      | system_certified     | kyllä   |
      | intermediary_name    | Ajas Oy |
    Niin avoinna on vain tehtävä "Complete the preparatory tasks", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Complete the preparatory tasks" tiedoilla:
      | register_entries_valid    | kyllä                   |
      | security_plan_ready       | kyllä                   |
      | server_certificates_ready | kyllä                   |
      | customer_data_in_extranet | kyllä                   |
      | organisation_oid          | 1.2.246.10.1472583.10.0 |
    Niin avoinna on vain tehtävä "File the joining application in Kanta Extranet", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "File the joining application in Kanta Extranet" tiedoilla:
      | system_name             | eRA                          |
      | access_point_oid        | 1.2.246.537.6.918.18.10.13.1 |
      | application_date        | tänään                       |
      | planned_test_date       | tänään + 10 päivää           |
      | existing_kanta_customer | ei                           |
    Niin odotetaan viestiä "Kelan päätös hakemukseen"
    Kun Kela lähettää viestin "Kelan päätös hakemukseen" tiedoilla:
      | decision | approved |
    Niin ajastin "Four weeks before the test" on lauennut 1 kertaa
    Ja ajastin "Two weeks before the test" on lauennut 1 kertaa
    Ja avoimina ovat tehtävät:
      | osapuoli       | tehtävä                             |
      | palvelunantaja | Sign the Kanta customer commitment  |
      | Kela           | Remind about the missing commitment |
    Ja ajastimia ei ole
    Kun palvelunantaja tekee tehtävän "Sign the Kanta customer commitment" tiedoilla:
      | signatory_name          | Aino Virtanen |
      | commitment_signed_on    | tänään        |
      | commitment_sent_to_kela | kyllä         |
    Niin avoimina ovat tehtävät:
      | osapuoli              | tehtävä                             |
      | järjestelmätoimittaja | Deliver Kela's test person IDs      |
      | Kela                  | Remind about the missing commitment |
    Kun Kela tekee tehtävän "Remind about the missing commitment" tiedoilla:
      | reminded_on | tänään |
    Niin avoinna on vain tehtävä "Deliver Kela's test person IDs", jonka tekee järjestelmätoimittaja
    Ja vaihe "Reminder sent" on tehty
    Ja prosessi on käynnissä
