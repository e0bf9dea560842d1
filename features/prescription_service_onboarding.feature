# language: fi
Ominaisuus: Resepti-palvelun käyttöönotto
  In English: a service provider that writes prescriptions (or a pharmacy) takes the Prescription service
  into use (seeds 001, 004, 000). The provider contacts its system vendor, who sends the preparation
  instructions and says whether it gives all deployment support; only when it does not, the provider
  registers for a deployment period. The provider completes the preparatory tasks and sets the planned
  start date; about two weeks before that start it does the administrative actions in Kanta Extranet (the
  separate Prescription application), and an organisation taking its first Kanta service also accepts the
  Kanta customer commitment. Kela decides; a refused application is corrected and filed again in Kanta
  Extranet, and Kela decides again (the Extranet actions and the commitment are not repeated). Once
  approved, the provider carries out its own deployment tasks and decides whether production readiness
  is verified with the vendor; a failed verification is fixed by the vendor and run again. Finally the
  provider starts using the service.

  Palvelunantaja ottaa yhteyttä järjestelmätoimittajaansa, joka lähettää valmisteluohjeet ja kertoo,
  hoitaako se kaiken käyttöönoton tuen; vain jos ei hoida, palvelunantaja ilmoittautuu
  käyttöönottojaksolle. Palvelunantaja tekee valmistelevat tehtävät ja sopii suunnitellun
  käyttöönottopäivän. Noin kaksi viikkoa ennen sitä se tekee Kanta Ekstranetissä Reseptin erillisen
  liittymishakemuksen, ja ensimmäistä Kanta-palvelua käyttöön ottava hyväksyy myös asiakkuuden
  sitoumuksen. Kela päättää; hylätty hakemus korjataan ja lähetetään uudelleen Kanta Ekstranetissä, ja Kela
  päättää uudelleen (Ekstranet-toimia ja asiakkuuden sitoumusta ei tehdä uudelleen).
  Hyväksynnän jälkeen palvelunantaja tekee omat käyttöönoton tehtävänsä ja päättää tuotantovalmiuden
  varmistamisesta järjestelmätoimittajan kanssa: se on pakollinen vain uuden järjestelmän ensimmäisessä
  käyttöönotossa tai Kelan pyynnöstä. Epäonnistunut varmistus korjataan ja tehdään uudelleen, minkä
  jälkeen Resepti otetaan käyttöön.

  Tapausaihio: Käyttöönottojaksolle ilmoittaudutaan vain, kun järjestelmätoimittaja ei anna kaikkea tukea (kaikki tuki: <tuki>)
    Oletetaan että palvelunantaja aloittaa prosessin "Prescription service onboarding" Y-tunnukselle <y_tunnus>
    Ja avoinna on vain tehtävä "Contact the system vendor", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Contact the system vendor" tiedoilla:
      | vendor_name  | Ajas Oy |
      | contacted_on | tänään  |
    Niin avoinna on vain tehtävä "Send the preparation instructions", jonka tekee järjestelmätoimittaja
    Kun järjestelmätoimittaja tekee tehtävän "Send the preparation instructions" tiedoilla:
      | instructions_sent_on       | tänään |
      | system_name                | eRA    |
      | vendor_handles_all_support | <tuki> |
    Niin avoinna on vain tehtävä "<seuraavaksi>", jonka tekee palvelunantaja
    Ja tieto "vendor_handles_all_support" on <tuki>
    Ja ajastimia ei ole

    Tapaukset:
      | y_tunnus  | tuki  | seuraavaksi                      |
      | 4567890-7 | ei    | Register for a deployment period |
      | 5678901-2 | kyllä | Complete the preparatory tasks   |

  Tapausaihio: Kanta Ekstranetin toimet odottavat kahden viikon päähän suunnitellusta käyttöönotosta (<alku>)
    Oletetaan että palvelunantaja aloittaa prosessin "Prescription service onboarding" Y-tunnukselle <y_tunnus>
    Ja avoinna on vain tehtävä "Contact the system vendor", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Contact the system vendor" tiedoilla:
      | vendor_name  | Ajas Oy |
      | contacted_on | tänään  |
    Niin avoinna on vain tehtävä "Send the preparation instructions", jonka tekee järjestelmätoimittaja
    Kun järjestelmätoimittaja tekee tehtävän "Send the preparation instructions" tiedoilla:
      | instructions_sent_on       | tänään |
      | system_name                | eRA    |
      | vendor_handles_all_support | kyllä  |
    Niin avoinna on vain tehtävä "Complete the preparatory tasks", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Complete the preparatory tasks" tiedoilla:
      | register_entries_valid    | kyllä  |
      | security_plan_ready       | kyllä  |
      | server_certificates_ready | kyllä  |
      | planned_start_date        | <alku> |
      | existing_kanta_customer   | kyllä  |
    Niin avoimia tehtäviä ei ole
    Ja ajastin "Two weeks before the start" laukeaa <paivia> päivän kuluttua
    Ja odottavia ajastimia on 1
    Kun on kulunut <odotus> päivää
    Niin avoimia tehtäviä ei ole
    Ja ajastin "Two weeks before the start" ei ole lauennut
    Ja ajastin "Two weeks before the start" laukeaa 1 päivän kuluttua
    Kun on kulunut 1 päivä
    Niin avoinna on vain tehtävä "Do the administrative actions in Kanta Extranet", jonka tekee palvelunantaja
    Ja ajastin "Two weeks before the start" on lauennut 1 kertaa
    Ja ajastimia ei ole

    Tapaukset:
      | y_tunnus  | alku               | paivia | odotus |
      | 6789012-4 | tänään + 16 päivää | 2      | 1      |
      | 7890123-9 | tänään + 3 viikkoa | 7      | 6      |
      | 8901234-9 | tänään + 42 päivää | 28     | 27     |

  Tapausaihio: Alle kahden viikon päähän suunniteltu käyttöönotto vie heti Kanta Ekstranetin toimiin (<alku>)
    Oletetaan että palvelunantaja aloittaa prosessin "Prescription service onboarding" Y-tunnukselle <y_tunnus>
    Ja avoinna on vain tehtävä "Contact the system vendor", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Contact the system vendor" tiedoilla:
      | vendor_name  | Ajas Oy |
      | contacted_on | tänään  |
    Niin avoinna on vain tehtävä "Send the preparation instructions", jonka tekee järjestelmätoimittaja
    Kun järjestelmätoimittaja tekee tehtävän "Send the preparation instructions" tiedoilla:
      | instructions_sent_on       | tänään |
      | system_name                | eRA    |
      | vendor_handles_all_support | kyllä  |
    Niin avoinna on vain tehtävä "Complete the preparatory tasks", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Complete the preparatory tasks" tiedoilla:
      | register_entries_valid    | kyllä  |
      | security_plan_ready       | kyllä  |
      | server_certificates_ready | kyllä  |
      | planned_start_date        | <alku> |
      | existing_kanta_customer   | kyllä  |
    Niin avoinna on vain tehtävä "Do the administrative actions in Kanta Extranet", jonka tekee palvelunantaja
    Ja ajastin "Two weeks before the start" on lauennut 1 kertaa
    Ja ajastimia ei ole

    Tapaukset:
      | y_tunnus  | alku               |
      | 1357913-8 | tänään + 13 päivää |
      | 3579135-9 | tänään + 1 päivä   |

  Tapausaihio: Asiakkuuden sitoumus hyväksytään vain ensimmäisen Kanta-palvelun kanssa (Kanta-asiakas: <asiakas>)
    Oletetaan että palvelunantaja aloittaa prosessin "Prescription service onboarding" Y-tunnukselle <y_tunnus>
    Ja avoinna on vain tehtävä "Contact the system vendor", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Contact the system vendor" tiedoilla:
      | vendor_name  | Ajas Oy |
      | contacted_on | tänään  |
    Niin avoinna on vain tehtävä "Send the preparation instructions", jonka tekee järjestelmätoimittaja
    Kun järjestelmätoimittaja tekee tehtävän "Send the preparation instructions" tiedoilla:
      | instructions_sent_on       | tänään |
      | system_name                | eRA    |
      | vendor_handles_all_support | kyllä  |
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

  Tapaus: Ensimmäinen Kanta-palvelu ilman järjestelmätoimittajan kaikkea tukea: korjattu hakemus odottaa Kelan uutta päätöstä, ja asiakkuuden sitoumus hyväksytään vain kerran
    Oletetaan että palvelunantaja aloittaa prosessin "Prescription service onboarding" Y-tunnukselle 6802468-2
    Ja avoinna on vain tehtävä "Contact the system vendor", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Contact the system vendor" tiedoilla:
      | vendor_name  | Ajas Oy |
      | contacted_on | tänään  |
    Niin avoinna on vain tehtävä "Send the preparation instructions", jonka tekee järjestelmätoimittaja
    Kun järjestelmätoimittaja tekee tehtävän "Send the preparation instructions" tiedoilla:
      | instructions_sent_on       | tänään |
      | system_name                | eRA    |
      | vendor_handles_all_support | ei     |
    Niin avoinna on vain tehtävä "Register for a deployment period", jonka tekee palvelunantaja
    Kun palvelunantaja yrittää tehdä tehtävän "Register for a deployment period" tiedoilla:
      | registered_on         | tänään  |
      | preferred_start_month | 2026-13 |
    Niin lomake hylätään kentän "preferred_start_month" kohdalta
    Ja avoinna on vain tehtävä "Register for a deployment period", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Register for a deployment period" tiedoilla:
      | registered_on         | tänään  |
      | preferred_start_month | 2026-03 |
    Niin avoinna on vain tehtävä "Complete the preparatory tasks", jonka tekee palvelunantaja
    Ja vaihe "Register for a deployment period" on tehty 1 kertaa
    Kun palvelunantaja tekee tehtävän "Complete the preparatory tasks" tiedoilla:
      | register_entries_valid    | kyllä              |
      | security_plan_ready       | kyllä              |
      | server_certificates_ready | kyllä              |
      | planned_start_date        | tänään + 20 päivää |
      | existing_kanta_customer   | ei                 |
    Niin avoimia tehtäviä ei ole
    Ja ajastin "Two weeks before the start" laukeaa 6 päivän kuluttua
    Kun on kulunut 6 päivää
    Niin avoinna on vain tehtävä "Do the administrative actions in Kanta Extranet", jonka tekee palvelunantaja
    Ja ajastin "Two weeks before the start" on lauennut 1 kertaa
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
    Ja ajastin "Two weeks before the start" on lauennut 1 kertaa
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
      | instructions_sent_on       | tänään |
      | system_name                | eRA    |
      | vendor_handles_all_support | kyllä  |
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
      | instructions_sent_on       | tänään |
      | system_name                | eRA    |
      | vendor_handles_all_support | kyllä  |
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
    Ja vaihetta "Register for a deployment period" ei ole tehty
    Ja vaihetta "Accept the Kanta customer commitment" ei ole tehty

  Tapaus: Kanta-asiakas, jonka järjestelmätoimittaja antaa kaiken tuen, ottaa Reseptin käyttöön ilman käyttöönottojaksoa ja varmistusta
    Oletetaan että palvelunantaja aloittaa prosessin "Prescription service onboarding" Y-tunnukselle 5566778-5
    Ja avoinna on vain tehtävä "Contact the system vendor", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Contact the system vendor" tiedoilla:
      | vendor_name  | Ajas Oy |
      | contacted_on | tänään  |
    Niin avoinna on vain tehtävä "Send the preparation instructions", jonka tekee järjestelmätoimittaja
    Kun järjestelmätoimittaja tekee tehtävän "Send the preparation instructions" tiedoilla:
      | instructions_sent_on       | tänään |
      | system_name                | eRA    |
      | vendor_handles_all_support | kyllä  |
    Niin avoinna on vain tehtävä "Complete the preparatory tasks", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Complete the preparatory tasks" tiedoilla:
      | register_entries_valid    | kyllä              |
      | security_plan_ready       | kyllä              |
      | server_certificates_ready | kyllä              |
      | planned_start_date        | tänään + 4 viikkoa |
      | existing_kanta_customer   | kyllä              |
    Niin avoimia tehtäviä ei ole
    Ja ajastin "Two weeks before the start" laukeaa 14 päivän kuluttua
    Kun on kulunut 1 viikko
    Niin avoimia tehtäviä ei ole
    Ja ajastin "Two weeks before the start" ei ole lauennut
    Kun on kulunut 1 viikko
    Niin avoinna on vain tehtävä "Do the administrative actions in Kanta Extranet", jonka tekee palvelunantaja
    Ja ajastin "Two weeks before the start" on lauennut 1 kertaa
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
    Ja vaihetta "Register for a deployment period" ei ole tehty
    Ja vaihetta "Accept the Kanta customer commitment" ei ole tehty
    Ja vaihetta "Verify production readiness with the vendor" ei ole tehty
    Ja vaihetta "Correct the application" ei ole tehty
