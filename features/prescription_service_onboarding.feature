# language: fi
Ominaisuus: Resepti-palvelun käyttöönotto
  In English: a service provider that writes prescriptions (or a pharmacy) takes the Prescription service
  into use (seeds 001, 004, 000). The provider contacts its system vendor, who sends the preparation
  instructions; the provider completes the preparatory tasks and does the administrative actions in Kanta
  Extranet (the separate Prescription application) whenever it is ready: no seed sets a date for them. An
  organisation taking its first Kanta service also accepts the health-care commitment (seed 004), beside the
  rest: the organisation's own practice, which holds no step, so Kela's decision finds the onboarding waiting
  whether or not the commitment is done. Kela decides; a refused application is corrected and filed again in
  Kanta Extranet, and Kela decides again (the Extranet actions and the commitment are not repeated). Right after
  the Extranet actions, beside the wait for the decision, the provider carries out its own deployment tasks
  (seed 001 step 4 follows step 3) and says what is done before use; the test and the verification wait for
  both those tasks and the approval. A deployment test and the production-readiness verification are
  two different things (seeds 001, 004): a deployment test is run e.g. for a new system's first deployment or
  when Kela asks, and a successful test is always reported to Kela at the latest two days after the test's
  date (seed 003; otherwise Kela asks for the report); the report keeps that deadline beside the start of use,
  which waits for the passed test but not for the report; the onboarding ends when both are done. The
  verification is optional, as the provider wishes, and is not reported. A failed test or verification is
  fixed by the vendor and run again. Finally the provider starts using the service. Called by the joining,
  which settles the health-care commitment, the onboarding does not ask it.

  Palvelunantaja ottaa yhteyttä järjestelmätoimittajaansa, joka lähettää valmisteluohjeet. Palvelunantaja
  tekee valmistelevat tehtävät ja sitten Kanta Ekstranetissä Resepti-palvelun erillisen liittymishakemuksen, kun se on
  valmis: mikään lähde ei aseta niille päivää. Ensimmäistä Kanta-palvelua käyttöön ottava hyväksyy myös
  terveydenhuollon sitoumuksen muiden vaiheiden rinnalla: se on organisaation oma käytäntö, joka ei pidättele
  mitään vaihetta, joten Kelan päätös löytää käyttöönoton odottamassa, on sitoumus tehty tai ei. Kela päättää; hylätty hakemus korjataan ja lähetetään uudelleen Kanta
  Ekstranetissä, ja Kela päättää uudelleen (Ekstranet-toimia ja sitoumusta ei tehdä uudelleen).
  Heti Ekstranet-toimien jälkeen, päätöksen odottamisen rinnalla, palvelunantaja tekee omat käyttöönoton
  tehtävänsä ja kertoo, mitä ennen käyttöä tehdään; koe ja varmistaminen odottavat sekä niitä että hyväksyntää. Käyttöönottokoe ja tuotantovalmiuden varmistaminen ovat eri asioita: käyttöönottokoe tehdään
  esimerkiksi uuden järjestelmän ensimmäisessä käyttöönotossa tai Kelan pyynnöstä, ja onnistunut koe
  raportoidaan aina Kelalle viimeistään kaksi päivää kokeen jälkeen (muuten Kela pyytää raporttia);
  raportti etenee omalla määräajallaan käytön aloittamisen rinnalla: käytön aloitus odottaa onnistunutta
  koetta mutta ei raporttia, ja käyttöönotto päättyy, kun molemmat on tehty. Tuotantovalmiuden
  varmistaminen tehdään haluttaessa, eikä siitä raportoida. Epäonnistunut koe tai varmistus tehdään
  uudelleen, kun sen syy on korjattu, minkä jälkeen Resepti-palvelu otetaan käyttöön. Kun liittyminen
  kutsuu käyttöönottoa, se selvittää terveydenhuollon sitoumuksen itse, eikä käyttöönotto kysy sitä.

  Tapaus: Kanta Ekstranetin toimet tehdään heti valmistelujen jälkeen, eikä mikään odota suunniteltua käyttöönottopäivää; omasta liityntäpisteestä annetaan IP-osoite ja DNS-nimi
    Oletetaan palvelunantajan aloittaneen prosessin "Resepti-palvelun käyttöönotto" Y-tunnukselle 7102105-2
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
    Ja ajastimia ei ole
    Kun palvelunantaja yrittää tehdä tehtävän "Tee valmistelevat tehtävät" tiedoilla:
      | register_entries_valid    | kyllä              |
      | security_plan_ready       | kyllä              |
      | access_point              | own                |
      | access_point_dns_name     | resepti.example.fi |
      | server_certificates_ready | kyllä              |
      | planned_start_date        | tänään + 6 viikkoa |
      | existing_kanta_customer   | kyllä              |
    Niin lomake hylätään kentän "access_point_ip_address" kohdalta
    Ja avoinna on vain tehtävä "Tee valmistelevat tehtävät", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Tee valmistelevat tehtävät" tiedoilla:
      | register_entries_valid    | kyllä              |
      | security_plan_ready       | kyllä              |
      | access_point              | own                |
      | access_point_ip_address   | 198.51.100.7       |
      | access_point_dns_name     | resepti.example.fi |
      | server_certificates_ready | kyllä              |
      | planned_start_date        | tänään + 6 viikkoa |
      | existing_kanta_customer   | kyllä              |
    Niin avoinna on vain tehtävä "Tee hallinnolliset toimet Kanta Ekstranetissä", jonka tekee palvelunantaja
    Ja tiedon "access_point_ip_address" arvo on 198.51.100.7
    Ja ajastimia ei ole

  Tapaus: Aloittaja, joka on selvittänyt terveydenhuollon sitoumuksen itse, saa valmistelevat tehtävät ilman Kanta-asiakkuutta, mutta ilman liittymisen valmisteluja ne kysyvät rekisteritiedot ja tietoturvasuunnitelman, eikä mikään odota liittymisen viestiä
    Oletetaan palvelunantajan aloittaneen prosessin "Resepti-palvelun käyttöönotto" Y-tunnukselle 7102190-9 tiedoilla:
      | health_care_commitment_settled_by_caller | kyllä |
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
    Kun palvelunantaja yrittää tehdä tehtävän "Tee valmistelevat tehtävät" tiedoilla:
      | server_certificates_ready | kyllä |
    Niin lomake hylätään kentän "register_entries_valid" kohdalta
    Ja lomake hylätään kentän "security_plan_ready" kohdalta
    Kun palvelunantaja yrittää tehdä tehtävän "Tee valmistelevat tehtävät" tiedoilla:
      | register_entries_valid    | kyllä |
      | security_plan_ready       | kyllä |
      | server_certificates_ready | kyllä |
      | existing_kanta_customer   | kyllä |
    Niin lomake hylätään kentän "existing_kanta_customer" kohdalta
    Ja avoinna on vain tehtävä "Tee valmistelevat tehtävät", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Tee valmistelevat tehtävät" tiedoilla:
      | register_entries_valid    | kyllä |
      | security_plan_ready       | kyllä |
      | server_certificates_ready | kyllä |
    Niin avoinna on vain tehtävä "Tee hallinnolliset toimet Kanta Ekstranetissä", jonka tekee palvelunantaja
    Ja vaihetta "Liittymisen valmistelut tehty" ei ole tehty
    Ja prosessi on käynnissä

  Tapausaihio: Terveydenhuollon sitoumus hyväksytään vain ensimmäisen Kanta-palvelun yhteydessä, ja Kelan päätöstä odotetaan heti oman organisaation käyttöönoton tehtävien rinnalla (Kanta-asiakas: <asiakas>)
    Oletetaan palvelunantajan aloittaneen prosessin "Resepti-palvelun käyttöönotto" Y-tunnukselle <y_tunnus>
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
      | existing_kanta_customer   | <asiakas>         |
    Niin avoinna on vain tehtävä "Tee hallinnolliset toimet Kanta Ekstranetissä", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Tee hallinnolliset toimet Kanta Ekstranetissä" tiedoilla:
      | application_date     | tänään                       |
      | system_name          | eRA                          |
      | access_point_oid     | 1.2.246.537.6.918.18.10.13.1 |
      | contact_person_email | aino.virtanen@example.fi     |
    Niin <seuraavaksi>
    Ja odotetaan viestiä "Kelan päätös Resepti-palvelun hakemukseen"
    Ja prosessi on käynnissä

    Tapaukset:
      | y_tunnus  | asiakas | seuraavaksi |
      | 7102108-7 | ei      | avoinna ovat vain tehtävät "Hyväksy terveydenhuollon sitoumus", jonka tekee palvelunantaja, ja "Tee oman organisaation käyttöönoton tehtävät", jonka tekee palvelunantaja |
      | 7102003-3 | kyllä   | avoinna on vain tehtävä "Tee oman organisaation käyttöönoton tehtävät", jonka tekee palvelunantaja                                                 |

  Tapaus: Ensimmäinen Kanta-palvelu: Kelan päätös löytää käyttöönoton odottamassa ennen sitoumusta, korjattu hakemus odottaa Kelan uutta päätöstä, päätöstä odottaessa tehdyt omat tehtävät vievät käytön aloitukseen vasta hyväksynnän jälkeen, ja sitoumus hyväksytään vain kerran
    Oletetaan palvelunantajan aloittaneen prosessin "Resepti-palvelun käyttöönotto" Y-tunnukselle 7102001-7
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
      | register_entries_valid    | kyllä              |
      | security_plan_ready       | kyllä              |
      | server_certificates_ready | kyllä              |
      | planned_start_date        | tänään + 20 päivää |
      | existing_kanta_customer   | ei                 |
    Niin avoinna on vain tehtävä "Tee hallinnolliset toimet Kanta Ekstranetissä", jonka tekee palvelunantaja
    Kun palvelunantaja yrittää tehdä tehtävän "Tee hallinnolliset toimet Kanta Ekstranetissä" tiedoilla:
      | application_date | tänään                |
      | system_name      | eRA                   |
      | access_point_oid | 2.16.840.1.113883.3.1 |
    Niin lomake hylätään kentän "access_point_oid" kohdalta
    Ja avoinna on vain tehtävä "Tee hallinnolliset toimet Kanta Ekstranetissä", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Tee hallinnolliset toimet Kanta Ekstranetissä" tiedoilla:
      | application_date | tänään                       |
      | system_name      | eRA                          |
      | access_point_oid | 1.2.246.537.6.918.18.10.13.1 |
    Niin avoinna ovat vain tehtävät "Hyväksy terveydenhuollon sitoumus", jonka tekee palvelunantaja, ja "Tee oman organisaation käyttöönoton tehtävät", jonka tekee palvelunantaja
    Ja odotetaan viestiä "Kelan päätös Resepti-palvelun hakemukseen"
    Kun Kela lähettää viestin "Kelan päätös Resepti-palvelun hakemukseen" tiedoilla:
      | decision      | rejected                              |
      | decision_note | Liityntäpisteen yhteyshenkilö puuttuu |
    Niin avoimina ovat tehtävät:
      | osapuoli       | tehtävä                                      |
      | palvelunantaja | Korjaa hakemus                               |
      | palvelunantaja | Hyväksy terveydenhuollon sitoumus            |
      | palvelunantaja | Tee oman organisaation käyttöönoton tehtävät |
    Ja viestejä ei odoteta
    Kun palvelunantaja yrittää tehdä tehtävän "Tee oman organisaation käyttöönoton tehtävät" tiedoilla:
      | renewal_request_receivers_marked  | kyllä |
      | deployment_check                  | none  |
      | production_readiness_verification | ei    |
    Niin lomake hylätään kentän "renewal_request_receivers_marked" kohdalta
    Ja avoimina ovat tehtävät:
      | osapuoli       | tehtävä                                      |
      | palvelunantaja | Korjaa hakemus                               |
      | palvelunantaja | Hyväksy terveydenhuollon sitoumus            |
      | palvelunantaja | Tee oman organisaation käyttöönoton tehtävät |
    Kun palvelunantaja tekee tehtävän "Tee oman organisaation käyttöönoton tehtävät" tiedoilla:
      | deployment_check                  | none  |
      | production_readiness_verification | ei    |
    Niin avoinna ovat vain tehtävät "Korjaa hakemus", jonka tekee palvelunantaja, ja "Hyväksy terveydenhuollon sitoumus", jonka tekee palvelunantaja
    Ja viestejä ei odoteta
    Kun palvelunantaja yrittää tehdä tehtävän "Hyväksy terveydenhuollon sitoumus" tiedoilla:
      | commitment_accepted_on | tänään        |
      | signatory_name         | Aino Virtanen |
      | commitment_accepted    | ei            |
    Niin lomake hylätään kentän "commitment_accepted" kohdalta
    Ja avoinna ovat vain tehtävät "Korjaa hakemus", jonka tekee palvelunantaja, ja "Hyväksy terveydenhuollon sitoumus", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Korjaa hakemus" tiedoilla:
      | correction   | Liityntäpisteen yhteyshenkilö lisätty |
      | corrected_on | tänään                                |
    Niin odotetaan viestiä "Kelan päätös Resepti-palvelun hakemukseen"
    Ja avoinna on vain tehtävä "Hyväksy terveydenhuollon sitoumus", jonka tekee palvelunantaja
    Ja ajastimia ei ole
    Ja vaihe "Tee hallinnolliset toimet Kanta Ekstranetissä" on tehty kerran
    Kun Kela lähettää viestin "Kelan päätös Resepti-palvelun hakemukseen" tiedoilla:
      | decision | approved |
    Niin avoinna ovat vain tehtävät "Aloita Resepti-palvelun käyttäminen", jonka tekee palvelunantaja, ja "Hyväksy terveydenhuollon sitoumus", jonka tekee palvelunantaja
    Ja viestejä ei odoteta
    Kun palvelunantaja tekee tehtävän "Hyväksy terveydenhuollon sitoumus" tiedoilla:
      | commitment_accepted_on | tänään        |
      | signatory_name         | Aino Virtanen |
      | commitment_accepted    | kyllä         |
    Niin avoinna on vain tehtävä "Aloita Resepti-palvelun käyttäminen", jonka tekee palvelunantaja
    Kun palvelunantaja yrittää tehdä tehtävän "Aloita Resepti-palvelun käyttäminen" tiedoilla:
      | start_date                       | tänään + 14 päivää |
      | renewal_request_receivers_marked | kyllä              |
      | renewal_request_service_in_use   | ei                 |
    Niin lomake hylätään kentän "renewal_request_service_in_use" kohdalta
    Ja avoinna on vain tehtävä "Aloita Resepti-palvelun käyttäminen", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Aloita Resepti-palvelun käyttäminen" tiedoilla:
      | start_date                       | tänään + 14 päivää |
      | renewal_request_receivers_marked | kyllä              |
      | renewal_request_service_in_use   | kyllä              |
    Niin prosessi on päättynyt tapahtumaan "Resepti-palvelu käytössä"
    Ja tiedon "renewal_request_receivers_marked" arvo on kyllä
    Ja avoimia tehtäviä ei ole
    Ja vaihe "Korjaa hakemus" on tehty kerran
    Ja vaihe "Tee hallinnolliset toimet Kanta Ekstranetissä" on tehty kerran
    Ja vaihe "Hyväksy terveydenhuollon sitoumus" on tehty kerran
    Ja vaihe "Tee oman organisaation käyttöönoton tehtävät" on tehty kerran
    Ja vaihetta "Varmista tuotantovalmius järjestelmätoimittajan kanssa" ei ole tehty

  Tapausaihio: Ennen käyttöä tehdään käyttöönottokoe, kun sitä tarvitaan, ja siitä riippumatta haluttaessa tuotantovalmiuden varmistaminen (koe: <ennen_kayttoa>, varmistus: <varmistus>)
    Oletetaan palvelunantajan aloittaneen prosessin "Resepti-palvelun käyttöönotto" Y-tunnukselle <y_tunnus>
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
    Ja avoinna on vain tehtävä "Tee oman organisaation käyttöönoton tehtävät", jonka tekee palvelunantaja
    Kun Kela lähettää viestin "Kelan päätös Resepti-palvelun hakemukseen" tiedoilla:
      | decision | approved |
    Niin avoinna on vain tehtävä "Tee oman organisaation käyttöönoton tehtävät", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Tee oman organisaation käyttöönoton tehtävät" tiedoilla:
      | staff_trained                     | kyllä           |
      | deployment_check                  | <ennen_kayttoa> |
      | production_readiness_verification | <varmistus>     |
    Niin avoinna on vain tehtävä "<seuraavaksi>", jonka tekee palvelunantaja
    Ja tiedon "deployment_check" arvo on <ennen_kayttoa>
    Ja tiedon "production_readiness_verification" arvo on <varmistus>
    Ja viestejä ei odoteta
    Ja ajastimia ei ole

    Tapaukset:
      | y_tunnus  | ennen_kayttoa                                  | varmistus | seuraavaksi                                            |
      | 7102004-1 | none                                           | ei        | Aloita Resepti-palvelun käyttäminen                    |
      | 7102106-0 | none                                           | kyllä     | Varmista tuotantovalmius järjestelmätoimittajan kanssa |
      | 7102006-8 | deployment_test_first_deployment_of_new_system | ei        | Tee käyttöönottokoe järjestelmätoimittajan kanssa      |
      | 7102007-6 | deployment_test_requested_by_kela              | ei        | Tee käyttöönottokoe järjestelmätoimittajan kanssa      |

  Tapaus: Epäonnistunut, haluttaessa tehty tuotantovalmiuden varmistaminen tehdään uudelleen syyn korjaamisen jälkeen, eikä siitä raportoida Kelalle
    Oletetaan palvelunantajan aloittaneen prosessin "Resepti-palvelun käyttöönotto" Y-tunnukselle 7102002-5
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
    Ja avoinna on vain tehtävä "Tee oman organisaation käyttöönoton tehtävät", jonka tekee palvelunantaja
    Kun Kela lähettää viestin "Kelan päätös Resepti-palvelun hakemukseen" tiedoilla:
      | decision | approved |
    Niin avoinna on vain tehtävä "Tee oman organisaation käyttöönoton tehtävät", jonka tekee palvelunantaja
    Kun palvelunantaja yrittää tehdä tehtävän "Tee oman organisaation käyttöönoton tehtävät" tiedoilla:
      | staff_trained                     | kyllä       |
      | deployment_check                  | if_possible |
      | production_readiness_verification | ei          |
    Niin lomake hylätään kentän "deployment_check" kohdalta
    Ja avoinna on vain tehtävä "Tee oman organisaation käyttöönoton tehtävät", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Tee oman organisaation käyttöönoton tehtävät" tiedoilla:
      | staff_trained                     | kyllä |
      | deployment_check                  | none  |
      | production_readiness_verification | kyllä |
    Niin avoinna on vain tehtävä "Varmista tuotantovalmius järjestelmätoimittajan kanssa", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Varmista tuotantovalmius järjestelmätoimittajan kanssa" tiedoilla:
      | verified_on         | tänään        |
      | verification_result | failed        |
      | after_failure       | fix_and_retry |
    Niin avoinna on vain tehtävä "Korjaa varmistamisen epäonnistumisen syy", jonka tekee järjestelmätoimittaja
    Kun järjestelmätoimittaja tekee tehtävän "Korjaa varmistamisen epäonnistumisen syy" tiedoilla:
      | fault_description | Reseptin allekirjoitus puuttui |
      | fixed_on          | tänään                         |
    Niin avoinna on vain tehtävä "Varmista tuotantovalmius järjestelmätoimittajan kanssa", jonka tekee palvelunantaja
    Kun palvelunantaja yrittää tehdä tehtävän "Varmista tuotantovalmius järjestelmätoimittajan kanssa" tiedoilla:
      | verified_on         | tänään |
      | verification_result | ok     |
    Niin lomake hylätään kentän "verification_result" kohdalta
    Ja avoinna on vain tehtävä "Varmista tuotantovalmius järjestelmätoimittajan kanssa", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Varmista tuotantovalmius järjestelmätoimittajan kanssa" tiedoilla:
      | verified_on         | tänään |
      | verification_result | passed |
    Niin avoinna on vain tehtävä "Aloita Resepti-palvelun käyttäminen", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Aloita Resepti-palvelun käyttäminen" tiedoilla:
      | start_date | tänään + 7 päivää |
    Niin prosessi on päättynyt tapahtumaan "Resepti-palvelu käytössä"
    Ja avoimia tehtäviä ei ole
    Ja ajastimia ei ole
    Ja vaihe "Varmista tuotantovalmius järjestelmätoimittajan kanssa" on tehty 2 kertaa
    Ja vaihe "Korjaa varmistamisen epäonnistumisen syy" on tehty kerran
    Ja vaihetta "Tee käyttöönottokoe järjestelmätoimittajan kanssa" ei ole tehty
    Ja vaihetta "Raportoi käyttöönottokoe Kelaan" ei ole tehty
    Ja vaihetta "Hyväksy terveydenhuollon sitoumus" ei ole tehty

  Tapaus: Epäonnistuneesta, haluttaessa tehdystä tuotantovalmiuden varmistamisesta voi luopua syyn kertoen, eikä se estä Resepti-palvelun käytön aloittamista
    Oletetaan palvelunantajan aloittaneen prosessin "Resepti-palvelun käyttöönotto" Y-tunnukselle 7102010-5
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
    Ja avoinna on vain tehtävä "Tee oman organisaation käyttöönoton tehtävät", jonka tekee palvelunantaja
    Kun Kela lähettää viestin "Kelan päätös Resepti-palvelun hakemukseen" tiedoilla:
      | decision | approved |
    Niin avoinna on vain tehtävä "Tee oman organisaation käyttöönoton tehtävät", jonka tekee palvelunantaja
    Kun palvelunantaja yrittää tehdä tehtävän "Tee oman organisaation käyttöönoton tehtävät" tiedoilla:
      | staff_trained                     | kyllä       |
      | deployment_check                  | if_possible |
      | production_readiness_verification | ei          |
    Niin lomake hylätään kentän "deployment_check" kohdalta
    Ja avoinna on vain tehtävä "Tee oman organisaation käyttöönoton tehtävät", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Tee oman organisaation käyttöönoton tehtävät" tiedoilla:
      | staff_trained                     | kyllä |
      | deployment_check                  | none  |
      | production_readiness_verification | kyllä |
    Niin avoinna on vain tehtävä "Varmista tuotantovalmius järjestelmätoimittajan kanssa", jonka tekee palvelunantaja
    Kun palvelunantaja yrittää tehdä tehtävän "Varmista tuotantovalmius järjestelmätoimittajan kanssa" tiedoilla:
      | verified_on         | tänään |
      | verification_result | failed |
    Niin lomake hylätään kentän "after_failure" kohdalta
    Ja avoinna on vain tehtävä "Varmista tuotantovalmius järjestelmätoimittajan kanssa", jonka tekee palvelunantaja
    Kun palvelunantaja yrittää tehdä tehtävän "Varmista tuotantovalmius järjestelmätoimittajan kanssa" tiedoilla:
      | verified_on         | tänään  |
      | verification_result | failed  |
      | after_failure       | abandon |
    Niin lomake hylätään kentän "abandon_reason" kohdalta
    Ja avoinna on vain tehtävä "Varmista tuotantovalmius järjestelmätoimittajan kanssa", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Varmista tuotantovalmius järjestelmätoimittajan kanssa" tiedoilla:
      | verified_on         | tänään                                                  |
      | verification_result | failed                                                  |
      | after_failure       | abandon                                                 |
      | abandon_reason      | Järjestelmä on jo käytössä muissa organisaatioissa      |
    Niin avoinna on vain tehtävä "Aloita Resepti-palvelun käyttäminen", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Aloita Resepti-palvelun käyttäminen" tiedoilla:
      | start_date | tänään + 7 päivää |
    Niin prosessi on päättynyt tapahtumaan "Resepti-palvelu käytössä"
    Ja avoimia tehtäviä ei ole
    Ja ajastimia ei ole
    Ja vaihe "Varmista tuotantovalmius järjestelmätoimittajan kanssa" on tehty kerran
    Ja vaihetta "Korjaa varmistamisen epäonnistumisen syy" ei ole tehty
    Ja vaihetta "Raportoi käyttöönottokoe Kelaan" ei ole tehty

  Tapaus: Kanta-asiakas tekee oman organisaation käyttöönoton tehtävät Kelan päätöstä odottaessaan ja ottaa Resepti-palvelun käyttöön hyväksynnän jälkeen ilman tuotantovalmiuden varmistamista
    Oletetaan palvelunantajan aloittaneen prosessin "Resepti-palvelun käyttöönotto" Y-tunnukselle 7102107-9
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
      | register_entries_valid    | kyllä              |
      | security_plan_ready       | kyllä              |
      | server_certificates_ready | kyllä              |
      | planned_start_date        | tänään + 4 viikkoa |
      | existing_kanta_customer   | kyllä              |
    Niin avoinna on vain tehtävä "Tee hallinnolliset toimet Kanta Ekstranetissä", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Tee hallinnolliset toimet Kanta Ekstranetissä" tiedoilla:
      | application_date | tänään                       |
      | system_name      | eRA                          |
      | access_point_oid | 1.2.246.537.6.918.18.10.13.1 |
    Niin odotetaan viestiä "Kelan päätös Resepti-palvelun hakemukseen"
    Ja avoinna on vain tehtävä "Tee oman organisaation käyttöönoton tehtävät", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Tee oman organisaation käyttöönoton tehtävät" tiedoilla:
      | staff_trained                     | kyllä |
      | deployment_check                  | none  |
      | production_readiness_verification | ei    |
    Niin odotetaan viestiä "Kelan päätös Resepti-palvelun hakemukseen"
    Ja avoimia tehtäviä ei ole
    Kun Kela lähettää viestin "Kelan päätös Resepti-palvelun hakemukseen" tiedoilla:
      | decision | approved |
    Niin avoinna on vain tehtävä "Aloita Resepti-palvelun käyttäminen", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Aloita Resepti-palvelun käyttäminen" tiedoilla:
      | start_date | tänään + 14 päivää |
    Niin prosessi on päättynyt tapahtumaan "Resepti-palvelu käytössä"
    Ja avoimia tehtäviä ei ole
    Ja ajastimia ei ole
    Ja vaihetta "Hyväksy terveydenhuollon sitoumus" ei ole tehty
    Ja vaihetta "Varmista tuotantovalmius järjestelmätoimittajan kanssa" ei ole tehty
    Ja vaihetta "Tee käyttöönottokoe järjestelmätoimittajan kanssa" ei ole tehty
    Ja vaihetta "Korjaa hakemus" ei ole tehty

  Tapaus: Kelan pyytämä käyttöönottokoe uusitaan, kun epäonnistumisen syy on korjattu, ja onnistunut koe raportoidaan Kelalle kahden päivän kuluessa kokeen päivästä
    Oletetaan palvelunantajan aloittaneen prosessin "Resepti-palvelun käyttöönotto" Y-tunnukselle 7102008-4
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
    Ja avoinna on vain tehtävä "Tee oman organisaation käyttöönoton tehtävät", jonka tekee palvelunantaja
    Kun Kela lähettää viestin "Kelan päätös Resepti-palvelun hakemukseen" tiedoilla:
      | decision | approved |
    Niin avoinna on vain tehtävä "Tee oman organisaation käyttöönoton tehtävät", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Tee oman organisaation käyttöönoton tehtävät" tiedoilla:
      | staff_trained                     | kyllä                             |
      | deployment_check                  | deployment_test_requested_by_kela |
      | production_readiness_verification | ei                                |
    Niin avoinna on vain tehtävä "Tee käyttöönottokoe järjestelmätoimittajan kanssa", jonka tekee palvelunantaja
    Ja ajastimia ei ole
    Kun palvelunantaja yrittää tehdä tehtävän "Tee käyttöönottokoe järjestelmätoimittajan kanssa" tiedoilla:
      | test_date   | tänään |
      | test_result | ok     |
    Niin lomake hylätään kentän "test_result" kohdalta
    Ja avoinna on vain tehtävä "Tee käyttöönottokoe järjestelmätoimittajan kanssa", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Tee käyttöönottokoe järjestelmätoimittajan kanssa" tiedoilla:
      | test_date   | tänään |
      | test_result | failed |
    Niin avoinna on vain tehtävä "Korjaa kokeen epäonnistumisen syy", jonka tekee järjestelmätoimittaja
    Ja ajastimia ei ole
    Kun järjestelmätoimittaja tekee tehtävän "Korjaa kokeen epäonnistumisen syy" tiedoilla:
      | fault_description | Lääkemääräyksen allekirjoitusvarmenne puuttui |
      | fixed_on          | tänään                                        |
    Niin avoinna on vain tehtävä "Tee käyttöönottokoe järjestelmätoimittajan kanssa", jonka tekee palvelunantaja
    Kun aikaa on kulunut yksi päivä
    Niin avoinna on vain tehtävä "Tee käyttöönottokoe järjestelmätoimittajan kanssa", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Tee käyttöönottokoe järjestelmätoimittajan kanssa" tiedoilla:
      | test_date   | tänään - 1 päivä |
      | test_result | passed           |
    Niin avoimina ovat tehtävät:
      | osapuoli       | tehtävä                             |
      | palvelunantaja | Raportoi käyttöönottokoe Kelaan     |
      | palvelunantaja | Aloita Resepti-palvelun käyttäminen |
    Ja ajastin "Raportin määräaika ylittynyt" laukeaa 2 päivän kuluttua
    Kun aikaa on kulunut yksi päivä
    Niin ajastin "Raportin määräaika ylittynyt" ei ole lauennut
    Ja avoimina ovat tehtävät:
      | osapuoli       | tehtävä                             |
      | palvelunantaja | Raportoi käyttöönottokoe Kelaan     |
      | palvelunantaja | Aloita Resepti-palvelun käyttäminen |
    Kun palvelunantaja tekee tehtävän "Aloita Resepti-palvelun käyttäminen" tiedoilla:
      | start_date | tänään |
    Niin avoinna on vain tehtävä "Raportoi käyttöönottokoe Kelaan", jonka tekee palvelunantaja
    Ja ajastin "Raportin määräaika ylittynyt" laukeaa 1 päivän kuluttua
    Ja vaihetta "Resepti-palvelu käytössä" ei ole tehty
    Ja prosessi on käynnissä
    Kun palvelunantaja tekee tehtävän "Raportoi käyttöönottokoe Kelaan" tiedoilla:
      | report_sent_on | tänään |
    Niin prosessi on päättynyt tapahtumaan "Resepti-palvelu käytössä"
    Ja avoimia tehtäviä ei ole
    Ja vaihe "Tee käyttöönottokoe järjestelmätoimittajan kanssa" on tehty 2 kertaa
    Ja vaihe "Korjaa kokeen epäonnistumisen syy" on tehty kerran
    Ja ajastin "Raportin määräaika ylittynyt" ei ole lauennut
    Ja vaihetta "Varmista tuotantovalmius järjestelmätoimittajan kanssa" ei ole tehty

  Tapaus: Kelan pyytämä käyttöönottokoe ja palvelunantajan haluama tuotantovalmiuden varmistaminen tehdään kumpikin, rinnakkain, ja käytön aloitus odottaa molempia
    Oletetaan palvelunantajan aloittaneen prosessin "Resepti-palvelun käyttöönotto" Y-tunnukselle 7102204-7
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
    Ja avoinna on vain tehtävä "Tee oman organisaation käyttöönoton tehtävät", jonka tekee palvelunantaja
    Kun Kela lähettää viestin "Kelan päätös Resepti-palvelun hakemukseen" tiedoilla:
      | decision | approved |
    Niin avoinna on vain tehtävä "Tee oman organisaation käyttöönoton tehtävät", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Tee oman organisaation käyttöönoton tehtävät" tiedoilla:
      | staff_trained                     | kyllä                             |
      | deployment_check                  | deployment_test_requested_by_kela |
      | production_readiness_verification | kyllä                             |
    Niin avoinna ovat vain tehtävät "Tee käyttöönottokoe järjestelmätoimittajan kanssa", jonka tekee palvelunantaja, ja "Varmista tuotantovalmius järjestelmätoimittajan kanssa", jonka tekee palvelunantaja
    Ja ajastimia ei ole
    Kun palvelunantaja tekee tehtävän "Varmista tuotantovalmius järjestelmätoimittajan kanssa" tiedoilla:
      | verified_on         | tänään |
      | verification_result | passed |
    Niin avoinna on vain tehtävä "Tee käyttöönottokoe järjestelmätoimittajan kanssa", jonka tekee palvelunantaja
    Ja vaihetta "Aloita Resepti-palvelun käyttäminen" ei ole tehty
    Kun palvelunantaja tekee tehtävän "Tee käyttöönottokoe järjestelmätoimittajan kanssa" tiedoilla:
      | test_date   | tänään |
      | test_result | passed |
    Niin avoimina ovat tehtävät:
      | osapuoli       | tehtävä                             |
      | palvelunantaja | Raportoi käyttöönottokoe Kelaan     |
      | palvelunantaja | Aloita Resepti-palvelun käyttäminen |
    Ja ajastin "Raportin määräaika ylittynyt" laukeaa 3 päivän kuluttua
    Kun palvelunantaja tekee tehtävän "Raportoi käyttöönottokoe Kelaan" tiedoilla:
      | report_sent_on | tänään |
    Niin avoinna on vain tehtävä "Aloita Resepti-palvelun käyttäminen", jonka tekee palvelunantaja
    Ja ajastimia ei ole
    Kun palvelunantaja tekee tehtävän "Aloita Resepti-palvelun käyttäminen" tiedoilla:
      | start_date | tänään |
    Niin prosessi on päättynyt tapahtumaan "Resepti-palvelu käytössä"
    Ja avoimia tehtäviä ei ole
    Ja vaihe "Tee käyttöönottokoe järjestelmätoimittajan kanssa" on tehty kerran
    Ja vaihe "Varmista tuotantovalmius järjestelmätoimittajan kanssa" on tehty kerran

  Tapaus: Uuden järjestelmän ensimmäisen käyttöönoton koe raportoidaan myöhässä, jolloin Kela pyytää raporttia
    Oletetaan palvelunantajan aloittaneen prosessin "Resepti-palvelun käyttöönotto" Y-tunnukselle 7102009-2
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
    Ja avoinna on vain tehtävä "Tee oman organisaation käyttöönoton tehtävät", jonka tekee palvelunantaja
    Kun Kela lähettää viestin "Kelan päätös Resepti-palvelun hakemukseen" tiedoilla:
      | decision | approved |
    Niin avoinna on vain tehtävä "Tee oman organisaation käyttöönoton tehtävät", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Tee oman organisaation käyttöönoton tehtävät" tiedoilla:
      | staff_trained                     | kyllä                                          |
      | deployment_check                  | deployment_test_first_deployment_of_new_system |
      | production_readiness_verification | ei                                             |
    Niin avoinna on vain tehtävä "Tee käyttöönottokoe järjestelmätoimittajan kanssa", jonka tekee palvelunantaja
    Ja ajastimia ei ole
    Kun palvelunantaja tekee tehtävän "Tee käyttöönottokoe järjestelmätoimittajan kanssa" tiedoilla:
      | test_date   | tänään |
      | test_result | passed |
    Niin avoimina ovat tehtävät:
      | osapuoli       | tehtävä                             |
      | palvelunantaja | Raportoi käyttöönottokoe Kelaan     |
      | palvelunantaja | Aloita Resepti-palvelun käyttäminen |
    Ja ajastin "Raportin määräaika ylittynyt" laukeaa 3 päivän kuluttua
    Kun aikaa on kulunut kaksi päivää
    Niin ajastin "Raportin määräaika ylittynyt" ei ole lauennut
    Ja avoimina ovat tehtävät:
      | osapuoli       | tehtävä                             |
      | palvelunantaja | Raportoi käyttöönottokoe Kelaan     |
      | palvelunantaja | Aloita Resepti-palvelun käyttäminen |
    Kun aikaa on kulunut yksi päivä
    Niin ajastin "Raportin määräaika ylittynyt" on lauennut kerran
    Ja avoimina ovat tehtävät:
      | osapuoli       | tehtävä                             |
      | palvelunantaja | Raportoi käyttöönottokoe Kelaan     |
      | palvelunantaja | Aloita Resepti-palvelun käyttäminen |
      | Kela           | Pyydä puuttuvaa koeraporttia        |
    Ja ajastimia ei ole
    Kun Kela tekee tehtävän "Pyydä puuttuvaa koeraporttia" tiedoilla:
      | requested_on | tänään |
    Niin vaihe "Raporttia pyydetty" on tehty
    Ja avoimina ovat tehtävät:
      | osapuoli       | tehtävä                             |
      | palvelunantaja | Raportoi käyttöönottokoe Kelaan     |
      | palvelunantaja | Aloita Resepti-palvelun käyttäminen |
    Kun palvelunantaja tekee tehtävän "Aloita Resepti-palvelun käyttäminen" tiedoilla:
      | start_date | tänään |
    Niin avoinna on vain tehtävä "Raportoi käyttöönottokoe Kelaan", jonka tekee palvelunantaja
    Ja vaihetta "Resepti-palvelu käytössä" ei ole tehty
    Ja prosessi on käynnissä
    Kun palvelunantaja tekee tehtävän "Raportoi käyttöönottokoe Kelaan" tiedoilla:
      | report_sent_on | tänään |
    Niin prosessi on päättynyt tapahtumiin:
      | Raporttia pyydetty       |
      | Resepti-palvelu käytössä |
    Ja avoimia tehtäviä ei ole
    Ja ajastimia ei ole

  Tapaus: Käyttöönottokoe tehdään myös muusta, sanoin kirjatusta syystä, koska lähteen syyt ovat esimerkkejä
    Oletetaan palvelunantajan aloittaneen prosessin "Resepti-palvelun käyttöönotto" Y-tunnukselle 7102011-3
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
    Ja avoinna on vain tehtävä "Tee oman organisaation käyttöönoton tehtävät", jonka tekee palvelunantaja
    Kun Kela lähettää viestin "Kelan päätös Resepti-palvelun hakemukseen" tiedoilla:
      | decision | approved |
    Niin avoinna on vain tehtävä "Tee oman organisaation käyttöönoton tehtävät", jonka tekee palvelunantaja
    Kun palvelunantaja yrittää tehdä tehtävän "Tee oman organisaation käyttöönoton tehtävät" tiedoilla:
      | staff_trained                     | kyllä                        |
      | deployment_check                  | deployment_test_other_reason |
      | production_readiness_verification | ei                           |
    Niin lomake hylätään kentän "deployment_test_reason" kohdalta
    Ja avoinna on vain tehtävä "Tee oman organisaation käyttöönoton tehtävät", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Tee oman organisaation käyttöönoton tehtävät" tiedoilla:
      | staff_trained                     | kyllä                                             |
      | deployment_check                  | deployment_test_other_reason                      |
      | deployment_test_reason            | Järjestelmään vaihdettu uusi allekirjoituspalvelu |
      | production_readiness_verification | ei                                                |
    Niin avoinna on vain tehtävä "Tee käyttöönottokoe järjestelmätoimittajan kanssa", jonka tekee palvelunantaja
    Ja tiedon "deployment_test_reason" arvo on Järjestelmään vaihdettu uusi allekirjoituspalvelu
    Ja vaihetta "Varmista tuotantovalmius järjestelmätoimittajan kanssa" ei ole tehty
    Kun palvelunantaja tekee tehtävän "Tee käyttöönottokoe järjestelmätoimittajan kanssa" tiedoilla:
      | test_date   | tänään |
      | test_result | passed |
    Niin avoimina ovat tehtävät:
      | osapuoli       | tehtävä                             |
      | palvelunantaja | Raportoi käyttöönottokoe Kelaan     |
      | palvelunantaja | Aloita Resepti-palvelun käyttäminen |
    Kun palvelunantaja tekee tehtävän "Raportoi käyttöönottokoe Kelaan" tiedoilla:
      | report_sent_on | tänään |
    Niin avoinna on vain tehtävä "Aloita Resepti-palvelun käyttäminen", jonka tekee palvelunantaja
    Ja ajastimia ei ole
    Kun palvelunantaja tekee tehtävän "Aloita Resepti-palvelun käyttäminen" tiedoilla:
      | start_date | tänään |
    Niin prosessi on päättynyt tapahtumaan "Resepti-palvelu käytössä"
    Ja avoimia tehtäviä ei ole
