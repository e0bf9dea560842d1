# language: fi
Ominaisuus: Resepti-palvelun käyttöönotto
  In English: a service provider that writes prescriptions (or a pharmacy) takes the Prescription service
  into use (seeds 001, 004, 000). The provider contacts its system vendor, who sends the preparation
  instructions; the provider completes the preparatory tasks and does the administrative actions in Kanta
  Extranet (the separate Prescription application) whenever it is ready: no seed sets a date for them. An
  organisation taking its first Kanta service also accepts the Kanta customer commitment. Kela decides; a
  refused application is corrected and filed again in Kanta Extranet, and Kela decides again (the Extranet
  actions and the commitment are not repeated). Once approved, the provider carries out its own deployment
  tasks and says what is done before use. A deployment test and the production-readiness verification are
  two different things (seeds 001, 004): a deployment test is run e.g. for a new system's first deployment or
  when Kela asks, and a successful test is always reported to Kela at the latest two days after the test's
  date (seed 003; otherwise Kela asks for the report); the verification is optional, as the provider wishes,
  and is not reported. A failed test or verification is fixed by the vendor and run again. Finally the
  provider starts using the service.

  Palvelunantaja ottaa yhteyttä järjestelmätoimittajaansa, joka lähettää valmisteluohjeet. Palvelunantaja
  tekee valmistelevat tehtävät ja sitten Kanta Ekstranetissä Reseptin erillisen liittymishakemuksen, kun on
  valmis: mikään lähde ei aseta niille päivää. Ensimmäistä Kanta-palvelua käyttöön ottava hyväksyy myös
  asiakkuuden sitoumuksen. Kela päättää; hylätty hakemus korjataan ja lähetetään uudelleen Kanta
  Ekstranetissä, ja Kela päättää uudelleen (Ekstranet-toimia ja asiakkuuden sitoumusta ei tehdä uudelleen).
  Hyväksynnän jälkeen palvelunantaja tekee omat käyttöönoton tehtävänsä ja kertoo, mitä ennen käyttöä
  tehdään. Käyttöönottokoe ja tuotantovalmiuden varmistaminen ovat eri asioita: käyttöönottokoe tehdään
  esimerkiksi uuden järjestelmän ensimmäisessä käyttöönotossa tai Kelan pyynnöstä, ja onnistunut koe
  raportoidaan aina Kelalle viimeistään kaksi päivää kokeen päivästä (muuten Kela pyytää raporttia);
  tuotantovalmiuden varmistaminen tehdään halutessa, eikä siitä raportoida. Epäonnistunut koe tai varmistus
  korjataan ja tehdään uudelleen, minkä jälkeen Resepti otetaan käyttöön.

  Tapaus: Kanta Ekstranetin toimet tehdään heti valmistelujen jälkeen, eikä mikään odota suunniteltua käyttöönottopäivää
    Oletetaan palvelunantajan aloittaneen prosessin "Prescription service onboarding" Y-tunnukselle 7102105-2
    Ja avoinna on vain tehtävä "Contact the system vendor", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Contact the system vendor" tiedoilla:
      | vendor_name  | Ajas Oy |
      | contacted_on | tänään  |
    Niin avoinna on vain tehtävä "Send the preparation instructions", jonka tekee järjestelmätoimittaja
    Kun järjestelmätoimittaja tekee tehtävän "Send the preparation instructions" tiedoilla:
      | instructions_sent_on | tänään |
      | system_name          | eRA    |
    Niin avoinna on vain tehtävä "Complete the preparatory tasks", jonka tekee palvelunantaja
    Ja ajastimia ei ole
    Kun palvelunantaja tekee tehtävän "Complete the preparatory tasks" tiedoilla:
      | register_entries_valid    | kyllä              |
      | security_plan_ready       | kyllä              |
      | server_certificates_ready | kyllä              |
      | planned_start_date        | tänään + 6 viikkoa |
      | existing_kanta_customer   | kyllä              |
    Niin avoinna on vain tehtävä "Do the administrative actions in Kanta Extranet", jonka tekee palvelunantaja
    Ja ajastimia ei ole

  Tapausaihio: Asiakkuuden sitoumus hyväksytään vain ensimmäisen Kanta-palvelun kanssa (Kanta-asiakas: <asiakas>)
    Oletetaan palvelunantajan aloittaneen prosessin "Prescription service onboarding" Y-tunnukselle <y_tunnus>
    Ja avoinna on vain tehtävä "Contact the system vendor", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Contact the system vendor" tiedoilla:
      | vendor_name  | Ajas Oy |
      | contacted_on | tänään  |
    Niin avoinna on vain tehtävä "Send the preparation instructions", jonka tekee järjestelmätoimittaja
    Kun järjestelmätoimittaja tekee tehtävän "Send the preparation instructions" tiedoilla:
      | instructions_sent_on | tänään |
      | system_name          | eRA    |
    Niin avoinna on vain tehtävä "Complete the preparatory tasks", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Complete the preparatory tasks" tiedoilla:
      | register_entries_valid    | kyllä             |
      | security_plan_ready       | kyllä             |
      | server_certificates_ready | kyllä             |
      | planned_start_date        | tänään + 7 päivää |
      | existing_kanta_customer   | <asiakas>         |
    Niin avoinna on vain tehtävä "Do the administrative actions in Kanta Extranet", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Do the administrative actions in Kanta Extranet" tiedoilla:
      | application_date     | tänään                       |
      | system_name          | eRA                          |
      | access_point_oid     | 1.2.246.537.6.918.18.10.13.1 |
      | contact_person_email | aino.virtanen@example.fi     |
    Niin <seuraavaksi>
    Ja prosessi on käynnissä

    Tapaukset:
      | y_tunnus  | asiakas | seuraavaksi                                                                                |
      | 7102108-7 | ei      | avoinna on vain tehtävä "Accept the Kanta customer commitment", jonka tekee palvelunantaja |
      | 7102003-3 | kyllä   | odotetaan viestiä "Kelan päätös hakemukseen"                                               |

  Tapaus: Ensimmäinen Kanta-palvelu: korjattu hakemus odottaa Kelan uutta päätöstä, ja asiakkuuden sitoumus hyväksytään vain kerran
    Oletetaan palvelunantajan aloittaneen prosessin "Prescription service onboarding" Y-tunnukselle 7102001-7
    Ja avoinna on vain tehtävä "Contact the system vendor", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Contact the system vendor" tiedoilla:
      | vendor_name  | Ajas Oy |
      | contacted_on | tänään  |
    Niin avoinna on vain tehtävä "Send the preparation instructions", jonka tekee järjestelmätoimittaja
    Kun järjestelmätoimittaja tekee tehtävän "Send the preparation instructions" tiedoilla:
      | instructions_sent_on | tänään |
      | system_name          | eRA    |
    Niin avoinna on vain tehtävä "Complete the preparatory tasks", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Complete the preparatory tasks" tiedoilla:
      | register_entries_valid    | kyllä              |
      | security_plan_ready       | kyllä              |
      | server_certificates_ready | kyllä              |
      | planned_start_date        | tänään + 20 päivää |
      | existing_kanta_customer   | ei                 |
    Niin avoinna on vain tehtävä "Do the administrative actions in Kanta Extranet", jonka tekee palvelunantaja
    Kun palvelunantaja yrittää tehdä tehtävän "Do the administrative actions in Kanta Extranet" tiedoilla:
      | application_date | tänään                |
      | system_name      | eRA                   |
      | access_point_oid | 2.16.840.1.113883.3.1 |
    Niin lomake hylätään kentän "access_point_oid" kohdalta
    Ja avoinna on vain tehtävä "Do the administrative actions in Kanta Extranet", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Do the administrative actions in Kanta Extranet" tiedoilla:
      | application_date | tänään                       |
      | system_name      | eRA                          |
      | access_point_oid | 1.2.246.537.6.918.18.10.13.1 |
    Niin avoinna on vain tehtävä "Accept the Kanta customer commitment", jonka tekee palvelunantaja
    Kun palvelunantaja yrittää tehdä tehtävän "Accept the Kanta customer commitment" tiedoilla:
      | commitment_accepted_on | tänään        |
      | signatory_name         | Aino Virtanen |
      | commitment_accepted    | ei            |
    Niin lomake hylätään kentän "commitment_accepted" kohdalta
    Ja avoinna on vain tehtävä "Accept the Kanta customer commitment", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Accept the Kanta customer commitment" tiedoilla:
      | commitment_accepted_on | tänään        |
      | signatory_name         | Aino Virtanen |
      | commitment_accepted    | kyllä         |
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
    Niin odotetaan viestiä "Kelan päätös hakemukseen"
    Ja avoimia tehtäviä ei ole
    Ja ajastimia ei ole
    Ja vaihe "Do the administrative actions in Kanta Extranet" on tehty 1 kertaa
    Ja vaihe "Accept the Kanta customer commitment" on tehty 1 kertaa
    Kun Kela lähettää viestin "Kelan päätös hakemukseen" tiedoilla:
      | decision | approved |
    Niin avoinna on vain tehtävä "Carry out the own deployment tasks", jonka tekee palvelunantaja
    Ja viestejä ei odoteta
    Kun palvelunantaja tekee tehtävän "Carry out the own deployment tasks" tiedoilla:
      | staff_trained                    | kyllä |
      | renewal_request_receivers_marked | kyllä |
      | deployment_check                 | none  |
    Niin avoinna on vain tehtävä "Start using the Prescription service", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Start using the Prescription service" tiedoilla:
      | start_date | tänään + 14 päivää |
    Niin prosessi on päättynyt tapahtumaan "Prescription service in use"
    Ja avoimia tehtäviä ei ole
    Ja vaihe "Correct the application" on tehty 1 kertaa
    Ja vaihe "Do the administrative actions in Kanta Extranet" on tehty 1 kertaa
    Ja vaihe "Accept the Kanta customer commitment" on tehty 1 kertaa
    Ja vaihetta "Verify production readiness with the vendor" ei ole tehty

  Tapausaihio: Ennen käyttöä tehdään käyttöönottokoe, kun sitä tarvitaan, tai halutessa tuotantovalmiuden varmistaminen (<ennen_kayttoa>)
    Oletetaan palvelunantajan aloittaneen prosessin "Prescription service onboarding" Y-tunnukselle <y_tunnus>
    Ja avoinna on vain tehtävä "Contact the system vendor", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Contact the system vendor" tiedoilla:
      | vendor_name  | Ajas Oy |
      | contacted_on | tänään  |
    Niin avoinna on vain tehtävä "Send the preparation instructions", jonka tekee järjestelmätoimittaja
    Kun järjestelmätoimittaja tekee tehtävän "Send the preparation instructions" tiedoilla:
      | instructions_sent_on | tänään |
      | system_name          | eRA    |
    Niin avoinna on vain tehtävä "Complete the preparatory tasks", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Complete the preparatory tasks" tiedoilla:
      | register_entries_valid    | kyllä             |
      | security_plan_ready       | kyllä             |
      | server_certificates_ready | kyllä             |
      | planned_start_date        | tänään + 7 päivää |
      | existing_kanta_customer   | kyllä             |
    Niin avoinna on vain tehtävä "Do the administrative actions in Kanta Extranet", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Do the administrative actions in Kanta Extranet" tiedoilla:
      | application_date | tänään                       |
      | system_name      | eRA                          |
      | access_point_oid | 1.2.246.537.6.918.18.10.13.1 |
    Niin odotetaan viestiä "Kelan päätös hakemukseen"
    Kun Kela lähettää viestin "Kelan päätös hakemukseen" tiedoilla:
      | decision | approved |
    Niin avoinna on vain tehtävä "Carry out the own deployment tasks", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Carry out the own deployment tasks" tiedoilla:
      | staff_trained                    | kyllä           |
      | renewal_request_receivers_marked | <merkitty>      |
      | deployment_check                 | <ennen_kayttoa> |
    Niin avoinna on vain tehtävä "<seuraavaksi>", jonka tekee palvelunantaja
    Ja tieto "deployment_check" on <ennen_kayttoa>
    Ja viestejä ei odoteta
    Ja ajastimia ei ole

    Tapaukset:
      | y_tunnus  | ennen_kayttoa                                  | merkitty | seuraavaksi                                 |
      | 7102004-1 | none                                           | kyllä    | Start using the Prescription service        |
      | 7102106-0 | production_readiness_verification              | ei       | Verify production readiness with the vendor |
      | 7102006-8 | deployment_test_first_deployment_of_new_system | kyllä    | Run the deployment test with the vendor     |
      | 7102007-6 | deployment_test_requested_by_kela              | kyllä    | Run the deployment test with the vendor     |

  Tapaus: Halutessa tehty tuotantovalmiuden varmistus korjataan epäonnistuessaan ja tehdään uudelleen, eikä siitä raportoida Kelalle
    Oletetaan palvelunantajan aloittaneen prosessin "Prescription service onboarding" Y-tunnukselle 7102002-5
    Ja avoinna on vain tehtävä "Contact the system vendor", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Contact the system vendor" tiedoilla:
      | vendor_name  | Ajas Oy |
      | contacted_on | tänään  |
    Niin avoinna on vain tehtävä "Send the preparation instructions", jonka tekee järjestelmätoimittaja
    Kun järjestelmätoimittaja tekee tehtävän "Send the preparation instructions" tiedoilla:
      | instructions_sent_on | tänään |
      | system_name          | eRA    |
    Niin avoinna on vain tehtävä "Complete the preparatory tasks", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Complete the preparatory tasks" tiedoilla:
      | register_entries_valid    | kyllä             |
      | security_plan_ready       | kyllä             |
      | server_certificates_ready | kyllä             |
      | planned_start_date        | tänään + 7 päivää |
      | existing_kanta_customer   | kyllä             |
    Niin avoinna on vain tehtävä "Do the administrative actions in Kanta Extranet", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Do the administrative actions in Kanta Extranet" tiedoilla:
      | application_date | tänään                       |
      | system_name      | eRA                          |
      | access_point_oid | 1.2.246.537.6.918.18.10.13.1 |
    Niin odotetaan viestiä "Kelan päätös hakemukseen"
    Kun Kela lähettää viestin "Kelan päätös hakemukseen" tiedoilla:
      | decision | approved |
    Niin avoinna on vain tehtävä "Carry out the own deployment tasks", jonka tekee palvelunantaja
    Kun palvelunantaja yrittää tehdä tehtävän "Carry out the own deployment tasks" tiedoilla:
      | staff_trained                    | kyllä       |
      | renewal_request_receivers_marked | kyllä       |
      | deployment_check                 | if_possible |
    Niin lomake hylätään kentän "deployment_check" kohdalta
    Ja avoinna on vain tehtävä "Carry out the own deployment tasks", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Carry out the own deployment tasks" tiedoilla:
      | staff_trained                    | kyllä                             |
      | renewal_request_receivers_marked | kyllä                             |
      | deployment_check                 | production_readiness_verification |
    Niin avoinna on vain tehtävä "Verify production readiness with the vendor", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Verify production readiness with the vendor" tiedoilla:
      | verified_on         | tänään |
      | verification_result | failed |
    Niin avoinna on vain tehtävä "Fix the cause of the failed verification", jonka tekee järjestelmätoimittaja
    Kun järjestelmätoimittaja tekee tehtävän "Fix the cause of the failed verification" tiedoilla:
      | fault_description | Reseptin allekirjoitus puuttui |
      | fixed_on          | tänään                         |
    Niin avoinna on vain tehtävä "Verify production readiness with the vendor", jonka tekee palvelunantaja
    Kun palvelunantaja yrittää tehdä tehtävän "Verify production readiness with the vendor" tiedoilla:
      | verified_on         | tänään |
      | verification_result | ok     |
    Niin lomake hylätään kentän "verification_result" kohdalta
    Ja avoinna on vain tehtävä "Verify production readiness with the vendor", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Verify production readiness with the vendor" tiedoilla:
      | verified_on         | tänään |
      | verification_result | passed |
    Niin avoinna on vain tehtävä "Start using the Prescription service", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Start using the Prescription service" tiedoilla:
      | start_date | tänään + 7 päivää |
    Niin prosessi on päättynyt tapahtumaan "Prescription service in use"
    Ja avoimia tehtäviä ei ole
    Ja ajastimia ei ole
    Ja vaihe "Verify production readiness with the vendor" on tehty 2 kertaa
    Ja vaihe "Fix the cause of the failed verification" on tehty 1 kertaa
    Ja vaihetta "Run the deployment test with the vendor" ei ole tehty
    Ja vaihetta "Report the deployment test to Kela" ei ole tehty
    Ja vaihetta "Accept the Kanta customer commitment" ei ole tehty

  Tapaus: Kanta-asiakas ottaa Reseptin käyttöön ilman tuotantovalmiuden varmistusta
    Oletetaan palvelunantajan aloittaneen prosessin "Prescription service onboarding" Y-tunnukselle 7102107-9
    Ja avoinna on vain tehtävä "Contact the system vendor", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Contact the system vendor" tiedoilla:
      | vendor_name  | Ajas Oy |
      | contacted_on | tänään  |
    Niin avoinna on vain tehtävä "Send the preparation instructions", jonka tekee järjestelmätoimittaja
    Kun järjestelmätoimittaja tekee tehtävän "Send the preparation instructions" tiedoilla:
      | instructions_sent_on | tänään |
      | system_name          | eRA    |
    Niin avoinna on vain tehtävä "Complete the preparatory tasks", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Complete the preparatory tasks" tiedoilla:
      | register_entries_valid    | kyllä              |
      | security_plan_ready       | kyllä              |
      | server_certificates_ready | kyllä              |
      | planned_start_date        | tänään + 4 viikkoa |
      | existing_kanta_customer   | kyllä              |
    Niin avoinna on vain tehtävä "Do the administrative actions in Kanta Extranet", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Do the administrative actions in Kanta Extranet" tiedoilla:
      | application_date | tänään                       |
      | system_name      | eRA                          |
      | access_point_oid | 1.2.246.537.6.918.18.10.13.1 |
    Niin odotetaan viestiä "Kelan päätös hakemukseen"
    Ja avoimia tehtäviä ei ole
    Kun Kela lähettää viestin "Kelan päätös hakemukseen" tiedoilla:
      | decision | approved |
    Niin avoinna on vain tehtävä "Carry out the own deployment tasks", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Carry out the own deployment tasks" tiedoilla:
      | staff_trained                    | kyllä |
      | renewal_request_receivers_marked | kyllä |
      | deployment_check                 | none  |
    Niin avoinna on vain tehtävä "Start using the Prescription service", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Start using the Prescription service" tiedoilla:
      | start_date | tänään + 14 päivää |
    Niin prosessi on päättynyt tapahtumaan "Prescription service in use"
    Ja avoimia tehtäviä ei ole
    Ja ajastimia ei ole
    Ja vaihetta "Accept the Kanta customer commitment" ei ole tehty
    Ja vaihetta "Verify production readiness with the vendor" ei ole tehty
    Ja vaihetta "Run the deployment test with the vendor" ei ole tehty
    Ja vaihetta "Correct the application" ei ole tehty

  Tapaus: Kelan pyytämä käyttöönottokoe korjataan epäonnistuessaan, ja onnistunut koe raportoidaan Kelalle kahden päivän kuluessa kokeen päivästä
    Oletetaan palvelunantajan aloittaneen prosessin "Prescription service onboarding" Y-tunnukselle 7102008-4
    Ja avoinna on vain tehtävä "Contact the system vendor", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Contact the system vendor" tiedoilla:
      | vendor_name  | Ajas Oy |
      | contacted_on | tänään  |
    Niin avoinna on vain tehtävä "Send the preparation instructions", jonka tekee järjestelmätoimittaja
    Kun järjestelmätoimittaja tekee tehtävän "Send the preparation instructions" tiedoilla:
      | instructions_sent_on | tänään |
      | system_name          | eRA    |
    Niin avoinna on vain tehtävä "Complete the preparatory tasks", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Complete the preparatory tasks" tiedoilla:
      | register_entries_valid    | kyllä             |
      | security_plan_ready       | kyllä             |
      | server_certificates_ready | kyllä             |
      | planned_start_date        | tänään + 7 päivää |
      | existing_kanta_customer   | kyllä             |
    Niin avoinna on vain tehtävä "Do the administrative actions in Kanta Extranet", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Do the administrative actions in Kanta Extranet" tiedoilla:
      | application_date | tänään                       |
      | system_name      | eRA                          |
      | access_point_oid | 1.2.246.537.6.918.18.10.13.1 |
    Niin odotetaan viestiä "Kelan päätös hakemukseen"
    Kun Kela lähettää viestin "Kelan päätös hakemukseen" tiedoilla:
      | decision | approved |
    Niin avoinna on vain tehtävä "Carry out the own deployment tasks", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Carry out the own deployment tasks" tiedoilla:
      | staff_trained                    | kyllä                             |
      | renewal_request_receivers_marked | kyllä                             |
      | deployment_check                 | deployment_test_requested_by_kela |
    Niin avoinna on vain tehtävä "Run the deployment test with the vendor", jonka tekee palvelunantaja
    Ja ajastimia ei ole
    Kun palvelunantaja yrittää tehdä tehtävän "Run the deployment test with the vendor" tiedoilla:
      | test_date   | tänään |
      | test_result | ok     |
    Niin lomake hylätään kentän "test_result" kohdalta
    Ja avoinna on vain tehtävä "Run the deployment test with the vendor", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Run the deployment test with the vendor" tiedoilla:
      | test_date   | tänään |
      | test_result | failed |
    Niin avoinna on vain tehtävä "Fix the cause of the failed test", jonka tekee järjestelmätoimittaja
    Ja ajastimia ei ole
    Kun järjestelmätoimittaja tekee tehtävän "Fix the cause of the failed test" tiedoilla:
      | fault_description | Lääkemääräyksen allekirjoitusvarmenne puuttui |
      | fixed_on          | tänään                                        |
    Niin avoinna on vain tehtävä "Run the deployment test with the vendor", jonka tekee palvelunantaja
    Kun aikaa on kulunut yksi päivä
    Niin avoinna on vain tehtävä "Run the deployment test with the vendor", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Run the deployment test with the vendor" tiedoilla:
      | test_date   | tänään - 1 päivä |
      | test_result | passed           |
    Niin avoinna on vain tehtävä "Report the deployment test to Kela", jonka tekee palvelunantaja
    Ja ajastin "Report deadline passed" laukeaa 2 päivän kuluttua
    Kun aikaa on kulunut yksi päivä
    Niin ajastin "Report deadline passed" ei ole lauennut
    Ja avoinna on vain tehtävä "Report the deployment test to Kela", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Report the deployment test to Kela" tiedoilla:
      | report_sent_on | tänään |
    Niin avoinna on vain tehtävä "Start using the Prescription service", jonka tekee palvelunantaja
    Ja ajastimia ei ole
    Kun palvelunantaja tekee tehtävän "Start using the Prescription service" tiedoilla:
      | start_date | tänään |
    Niin prosessi on päättynyt tapahtumaan "Prescription service in use"
    Ja avoimia tehtäviä ei ole
    Ja vaihe "Run the deployment test with the vendor" on tehty 2 kertaa
    Ja vaihe "Fix the cause of the failed test" on tehty 1 kertaa
    Ja ajastin "Report deadline passed" ei ole lauennut
    Ja vaihetta "Verify production readiness with the vendor" ei ole tehty

  Tapaus: Uuden järjestelmän ensimmäisen käyttöönoton koe raportoidaan myöhässä, jolloin Kela pyytää raporttia
    Oletetaan palvelunantajan aloittaneen prosessin "Prescription service onboarding" Y-tunnukselle 7102009-2
    Ja avoinna on vain tehtävä "Contact the system vendor", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Contact the system vendor" tiedoilla:
      | vendor_name  | Ajas Oy |
      | contacted_on | tänään  |
    Niin avoinna on vain tehtävä "Send the preparation instructions", jonka tekee järjestelmätoimittaja
    Kun järjestelmätoimittaja tekee tehtävän "Send the preparation instructions" tiedoilla:
      | instructions_sent_on | tänään |
      | system_name          | eRA    |
    Niin avoinna on vain tehtävä "Complete the preparatory tasks", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Complete the preparatory tasks" tiedoilla:
      | register_entries_valid    | kyllä             |
      | security_plan_ready       | kyllä             |
      | server_certificates_ready | kyllä             |
      | planned_start_date        | tänään + 7 päivää |
      | existing_kanta_customer   | kyllä             |
    Niin avoinna on vain tehtävä "Do the administrative actions in Kanta Extranet", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Do the administrative actions in Kanta Extranet" tiedoilla:
      | application_date | tänään                       |
      | system_name      | eRA                          |
      | access_point_oid | 1.2.246.537.6.918.18.10.13.1 |
    Niin odotetaan viestiä "Kelan päätös hakemukseen"
    Kun Kela lähettää viestin "Kelan päätös hakemukseen" tiedoilla:
      | decision | approved |
    Niin avoinna on vain tehtävä "Carry out the own deployment tasks", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Carry out the own deployment tasks" tiedoilla:
      | staff_trained                    | kyllä                                          |
      | renewal_request_receivers_marked | kyllä                                          |
      | deployment_check                 | deployment_test_first_deployment_of_new_system |
    Niin avoinna on vain tehtävä "Run the deployment test with the vendor", jonka tekee palvelunantaja
    Ja ajastimia ei ole
    Kun palvelunantaja tekee tehtävän "Run the deployment test with the vendor" tiedoilla:
      | test_date   | tänään |
      | test_result | passed |
    Niin avoinna on vain tehtävä "Report the deployment test to Kela", jonka tekee palvelunantaja
    Ja ajastin "Report deadline passed" laukeaa 3 päivän kuluttua
    Kun aikaa on kulunut kaksi päivää
    Niin ajastin "Report deadline passed" ei ole lauennut
    Ja avoinna on vain tehtävä "Report the deployment test to Kela", jonka tekee palvelunantaja
    Kun aikaa on kulunut yksi päivä
    Niin ajastin "Report deadline passed" on lauennut kerran
    Ja avoimina ovat tehtävät:
      | osapuoli       | tehtävä                            |
      | palvelunantaja | Report the deployment test to Kela |
      | Kela           | Ask for the missing test report    |
    Ja ajastimia ei ole
    Kun Kela tekee tehtävän "Ask for the missing test report" tiedoilla:
      | requested_on | tänään |
    Niin vaihe "Report requested" on tehty
    Ja avoinna on vain tehtävä "Report the deployment test to Kela", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Report the deployment test to Kela" tiedoilla:
      | report_sent_on | tänään |
    Niin avoinna on vain tehtävä "Start using the Prescription service", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Start using the Prescription service" tiedoilla:
      | start_date | tänään |
    Niin prosessi on päättynyt tapahtumiin:
      | Report requested            |
      | Prescription service in use |
    Ja avoimia tehtäviä ei ole
    Ja ajastimia ei ole
