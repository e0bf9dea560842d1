# language: fi
Ominaisuus: Resepti-palvelun käyttöönotto
  In English: a service provider that writes prescriptions (or a pharmacy) takes the Prescription service
  into use (seeds 001, 004, 000). The provider contacts its system vendor, who sends the preparation
  instructions; the provider completes the preparatory tasks and does the administrative actions in Kanta
  Extranet (the separate Prescription application) whenever it is ready: no seed sets a date for them. An
  organisation taking its first Kanta service also accepts the Kanta customer commitment. Kela decides; a
  refused application is corrected and filed again in Kanta Extranet, and Kela decides again (the Extranet
  actions and the commitment are not repeated). Once approved, the provider carries out its own deployment
  tasks and decides whether production readiness is verified with the vendor; a failed verification is
  fixed by the vendor and run again. Finally the provider starts using the service.

  Palvelunantaja ottaa yhteyttä järjestelmätoimittajaansa, joka lähettää valmisteluohjeet. Palvelunantaja
  tekee valmistelevat tehtävät ja sitten Kanta Ekstranetissä Reseptin erillisen liittymishakemuksen, kun on
  valmis: mikään lähde ei aseta niille päivää. Ensimmäistä Kanta-palvelua käyttöön ottava hyväksyy myös
  asiakkuuden sitoumuksen. Kela päättää; hylätty hakemus korjataan ja lähetetään uudelleen Kanta
  Ekstranetissä, ja Kela päättää uudelleen (Ekstranet-toimia ja asiakkuuden sitoumusta ei tehdä uudelleen).
  Hyväksynnän jälkeen palvelunantaja tekee omat käyttöönoton tehtävänsä ja päättää tuotantovalmiuden
  varmistamisesta järjestelmätoimittajan kanssa. Epäonnistunut varmistus korjataan ja tehdään uudelleen,
  minkä jälkeen Resepti otetaan käyttöön.

  Tapaus: Kanta Ekstranetin toimet tehdään heti valmistelujen jälkeen, eikä mikään odota suunniteltua käyttöönottopäivää
    Oletetaan että palvelunantaja aloittaa prosessin "Prescription service onboarding" Y-tunnukselle 4567890-7
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
    Oletetaan että palvelunantaja aloittaa prosessin "Prescription service onboarding" Y-tunnukselle <y_tunnus>
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
      | 4680246-3 | ei      | avoinna on vain tehtävä "Accept the Kanta customer commitment", jonka tekee palvelunantaja |
      | 5791357-2 | kyllä   | odotetaan viestiä "Kelan päätös hakemukseen"                                               |

  Tapaus: Ensimmäinen Kanta-palvelu: korjattu hakemus odottaa Kelan uutta päätöstä, ja asiakkuuden sitoumus hyväksytään vain kerran
    Oletetaan että palvelunantaja aloittaa prosessin "Prescription service onboarding" Y-tunnukselle 6802468-2
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
      | application_date | tänään                 |
      | system_name      | eRA                    |
      | access_point_oid | 2.16.840.1.113883.3.1  |
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
      | staff_trained                     | kyllä    |
      | renewal_request_receivers_marked  | kyllä    |
      | production_readiness_verification | not_done |
    Niin avoinna on vain tehtävä "Start using the Prescription service", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Start using the Prescription service" tiedoilla:
      | start_date | tänään + 14 päivää |
    Niin prosessi on päättynyt tapahtumaan "Prescription service in use"
    Ja avoimia tehtäviä ei ole
    Ja vaihe "Correct the application" on tehty 1 kertaa
    Ja vaihe "Do the administrative actions in Kanta Extranet" on tehty 1 kertaa
    Ja vaihe "Accept the Kanta customer commitment" on tehty 1 kertaa
    Ja vaihetta "Verify production readiness with the vendor" ei ole tehty

  Tapausaihio: Tuotantovalmius varmistetaan järjestelmätoimittajan kanssa, ellei varmistusta jätetä pois (<varmistus>)
    Oletetaan että palvelunantaja aloittaa prosessin "Prescription service onboarding" Y-tunnukselle <y_tunnus>
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
      | staff_trained                     | kyllä       |
      | renewal_request_receivers_marked  | <merkitty>  |
      | production_readiness_verification | <varmistus> |
    Niin avoinna on vain tehtävä "<seuraavaksi>", jonka tekee palvelunantaja
    Ja tieto "production_readiness_verification" on <varmistus>
    Ja viestejä ei odoteta

    Tapaukset:
      | y_tunnus  | varmistus                      | merkitty | seuraavaksi                                 |
      | 7913579-1 | not_done                       | kyllä    | Start using the Prescription service        |
      | 1122334-9 | voluntary                      | ei       | Verify production readiness with the vendor |
      | 2233445-8 | first_deployment_of_new_system | kyllä    | Verify production readiness with the vendor |
      | 3344556-7 | requested_by_kela              | kyllä    | Verify production readiness with the vendor |

  Tapaus: Epäonnistunut tuotantovalmiuden varmistus korjataan ja varmistetaan uudelleen ennen käyttöönottoa
    Oletetaan että palvelunantaja aloittaa prosessin "Prescription service onboarding" Y-tunnukselle 4455667-6
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
      | staff_trained                     | kyllä       |
      | renewal_request_receivers_marked  | kyllä       |
      | production_readiness_verification | if_possible |
    Niin lomake hylätään kentän "production_readiness_verification" kohdalta
    Ja avoinna on vain tehtävä "Carry out the own deployment tasks", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Carry out the own deployment tasks" tiedoilla:
      | staff_trained                     | kyllä             |
      | renewal_request_receivers_marked  | kyllä             |
      | production_readiness_verification | requested_by_kela |
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
    Ja vaihe "Verify production readiness with the vendor" on tehty 2 kertaa
    Ja vaihe "Fix the cause of the failed verification" on tehty 1 kertaa
    Ja vaihetta "Accept the Kanta customer commitment" ei ole tehty

  Tapaus: Kanta-asiakas ottaa Reseptin käyttöön ilman tuotantovalmiuden varmistusta
    Oletetaan että palvelunantaja aloittaa prosessin "Prescription service onboarding" Y-tunnukselle 5566778-5
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
      | staff_trained                     | kyllä    |
      | renewal_request_receivers_marked  | kyllä    |
      | production_readiness_verification | not_done |
    Niin avoinna on vain tehtävä "Start using the Prescription service", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Start using the Prescription service" tiedoilla:
      | start_date | tänään + 14 päivää |
    Niin prosessi on päättynyt tapahtumaan "Prescription service in use"
    Ja avoimia tehtäviä ei ole
    Ja ajastimia ei ole
    Ja vaihetta "Accept the Kanta customer commitment" ei ole tehty
    Ja vaihetta "Verify production readiness with the vendor" ei ole tehty
    Ja vaihetta "Correct the application" ei ole tehty
