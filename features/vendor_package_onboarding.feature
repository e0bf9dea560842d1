# language: fi
Ominaisuus: Kanta-palveluihin liittyminen järjestelmätoimittajan palvelupaketilla
  In English: a service provider joins Kanta with its system vendor's package (seed 000). The provider
  chooses the package, the vendor sends the delivery contract and the provider signs it; the provider then
  applies for the Patient Data Repository with the vendor's own application name eRA and access point
  OID 1.2.246.537.6.918.18.10.13.1 and waits for Kela's decision on it; when it prescribes, it then applies
  for the Prescription service separately and waits for that decision: one wait per application. A refused
  application is corrected and sent again. A decision message without the decision is refused and changes
  nothing. Once approved, the provider updates its self-monitoring plan (the vendor can deliver its system
  description as an appendix, if the provider wants it), and, as seed 001 says, ends with the deployment
  test together with the vendor and its report to Kela within two days of the test (otherwise Kela asks).

  Palvelunantaja valitsee palvelupaketin, järjestelmätoimittaja lähettää toimitussopimuksen ja
  palvelunantaja allekirjoittaa sen. Palvelunantaja hakee Potilastietovarannon (ent. Potilastiedon arkisto)
  käyttöä sovelluksen nimellä eRA ja liityntäpisteen OID:lla 1.2.246.537.6.918.18.10.13.1 ja odottaa Kelan
  päätöstä; jos se määrää lääkkeitä, se hakee sen jälkeen Resepti-palvelua omalla hakemuksellaan ja odottaa
  sen päätöstä. Hylätty hakemus korjataan. Palvelunantaja päivittää omavalvontasuunnitelmansa;
  järjestelmätoimittaja voi toimittaa järjestelmäkuvauksen sen liitteeksi, jos palvelunantaja haluaa.
  Lopuksi tehdään käyttöönottokoe yhdessä järjestelmätoimittajan kanssa ja lähetetään sen raportti Kelaan
  kahden päivän kuluessa kokeesta.

  Tausta:
    Oletetaan palvelunantajan aloittaneen prosessin "Kanta joining with a vendor package" Y-tunnukselle 0737546-2
    Ja avoinna on vain tehtävä "Choose the Kanta package", jonka tekee palvelunantaja

  Tapausaihio: Potilastietovarannon päätöksen jälkeen haetaan Reseptiä omalla hakemuksella, jos sitä halutaan (<resepti>)
    Kun palvelunantaja tekee tehtävän "Choose the Kanta package" tiedoilla:
      | organisation_name  | Lääkärikeskus Aurora Oy |
      | business_id        | 0737546-2               |
      | package_name       | eRA Kanta-paketti       |
      | wants_prescription | <resepti>               |
    Niin avoinna on vain tehtävä "Send the delivery contract", jonka tekee järjestelmätoimittaja
    Kun järjestelmätoimittaja tekee tehtävän "Send the delivery contract" tiedoilla:
      | contract_reference | TS-2026-118 |
      | contract_sent_on   | tänään      |
    Niin avoinna on vain tehtävä "Sign the delivery contract", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Sign the delivery contract" tiedoilla:
      | signatory_name | Aino Virtanen |
      | signed_on      | tänään        |
    Niin avoinna on vain tehtävä "Apply for the Patient Data Repository", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Apply for the Patient Data Repository" tiedoilla:
      | system_name      | eRA                          |
      | access_point_oid | 1.2.246.537.6.918.18.10.13.1 |
      | application_date | tänään                       |
      | login_method     | suomi_fi                     |
    Niin odotetaan viestiä "Kelan päätös hakemukseen"
    Ja avoimia tehtäviä ei ole
    Kun Kela lähettää viestin "Kelan päätös hakemukseen" tiedoilla:
      | decision | approved |
    Niin <seuraavaksi>
    Ja viestejä ei odoteta

    Tapaukset:
      | resepti | seuraavaksi                                                                              |
      | kyllä   | avoinna on vain tehtävä "Apply for the Prescription service", jonka tekee palvelunantaja |
      | ei      | avoinna on vain tehtävä "Update the self-monitoring plan", jonka tekee palvelunantaja    |

  Tapaus: Kumpaakin hakemusta odotetaan omalla päätöksellään, Kela hylkää ensin kummankin, ja käyttöönottokoe uusitaan korjauksen jälkeen
    Kun palvelunantaja tekee tehtävän "Choose the Kanta package" tiedoilla:
      | organisation_name  | Lääkärikeskus Aurora Oy |
      | business_id        | 0737546-2               |
      | package_name       | eRA Kanta-paketti       |
      | wants_prescription | kyllä                   |
    Niin avoinna on vain tehtävä "Send the delivery contract", jonka tekee järjestelmätoimittaja
    Kun järjestelmätoimittaja tekee tehtävän "Send the delivery contract" tiedoilla:
      | contract_reference | TS-2026-118 |
      | contract_sent_on   | tänään      |
    Niin avoinna on vain tehtävä "Sign the delivery contract", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Sign the delivery contract" tiedoilla:
      | signatory_name | Aino Virtanen |
      | signed_on      | tänään        |
    Niin avoinna on vain tehtävä "Apply for the Patient Data Repository", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Apply for the Patient Data Repository" tiedoilla:
      | system_name      | eRA                          |
      | access_point_oid | 1.2.246.537.6.918.18.10.13.1 |
      | application_date | tänään                       |
      | login_method     | bank_id                      |
    Niin odotetaan viestiä "Kelan päätös hakemukseen"
    Ja avoimia tehtäviä ei ole
    Kun Kela yrittää lähettää viestin "Kelan päätös hakemukseen" tiedoilla:
      | result | rejected |
    Niin viesti hylätään, eikä mikään muutu
    Ja odotetaan viestiä "Kelan päätös hakemukseen"
    Kun Kela lähettää viestin "Kelan päätös hakemukseen" tiedoilla:
      | decision | rejected |
    Niin avoinna on vain tehtävä "Correct the Patient Data Repository application", jonka tekee palvelunantaja
    Ja viestejä ei odoteta
    Kun palvelunantaja tekee tehtävän "Correct the Patient Data Repository application" tiedoilla:
      | correction   | Liityntäpisteen yhteyshenkilö lisätty |
      | corrected_on | tänään                                |
    Niin odotetaan viestiä "Kelan päätös hakemukseen"
    Ja avoimia tehtäviä ei ole
    Kun Kela lähettää viestin "Kelan päätös hakemukseen" tiedoilla:
      | decision | approved |
    Niin avoinna on vain tehtävä "Apply for the Prescription service", jonka tekee palvelunantaja
    Ja viestejä ei odoteta
    Kun palvelunantaja tekee tehtävän "Apply for the Prescription service" tiedoilla:
      | system_name      | eRA                          |
      | access_point_oid | 1.2.246.537.6.918.18.10.13.1 |
      | application_date | tänään                       |
    Niin odotetaan viestiä "Kelan päätös hakemukseen"
    Ja avoimia tehtäviä ei ole
    Kun Kela lähettää viestin "Kelan päätös hakemukseen" tiedoilla:
      | decision | rejected |
    Niin avoinna on vain tehtävä "Correct the Prescription application", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Correct the Prescription application" tiedoilla:
      | correction   | Lääkkeen määrääjien tiedot lisätty |
      | corrected_on | tänään                             |
    Niin odotetaan viestiä "Kelan päätös hakemukseen"
    Kun Kela lähettää viestin "Kelan päätös hakemukseen" tiedoilla:
      | decision | approved |
    Niin avoinna on vain tehtävä "Update the self-monitoring plan", jonka tekee palvelunantaja
    Ja vaihe "Correct the Patient Data Repository application" on tehty 1 kertaa
    Ja vaihe "Correct the Prescription application" on tehty 1 kertaa
    Kun palvelunantaja tekee tehtävän "Update the self-monitoring plan" tiedoilla:
      | plan_updated_on                    | tänään |
      | structured_vaccination_recording   | kyllä  |
      | vendor_system_description_attached | kyllä  |
    Niin avoinna on vain tehtävä "Deliver Kela's test person IDs", jonka tekee järjestelmätoimittaja
    Kun järjestelmätoimittaja tekee tehtävän "Deliver Kela's test person IDs" tiedoilla:
      | test_person_ids_delivered_on | tänään |
    Niin avoinna on vain tehtävä "Run the deployment test", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Run the deployment test" tiedoilla:
      | test_date   | tänään                       |
      | test_result | failed                       |
      | notes       | Palvelinvarmenne vanhentunut |
    Niin avoinna on vain tehtävä "Fix the cause of the failed test", jonka tekee järjestelmätoimittaja
    Kun järjestelmätoimittaja tekee tehtävän "Fix the cause of the failed test" tiedoilla:
      | fault_description | Palvelinvarmenne uusittu |
      | fixed_on          | tänään                   |
    Niin avoinna on vain tehtävä "Run the deployment test", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Run the deployment test" tiedoilla:
      | test_date   | tänään |
      | test_result | passed |
    Niin avoinna on vain tehtävä "Report the deployment test to Kela", jonka tekee palvelunantaja
    Ja ajastin "Report deadline passed" laukeaa 3 päivän kuluttua
    Kun palvelunantaja tekee tehtävän "Report the deployment test to Kela" tiedoilla:
      | report_sent_on | tänään |
    Niin prosessi on päättynyt tapahtumaan "Kanta services in use"
    Ja avoimia tehtäviä ei ole
    Ja ajastimia ei ole

  Tapaus: Ilman reseptiä hyväksytty hakemus vie omavalvontasuunnitelman päivitykseen ja käyttöönottokokeeseen, ja Kela pyytää myöhästynyttä raporttia
    Kun palvelunantaja tekee tehtävän "Choose the Kanta package" tiedoilla:
      | organisation_name  | Lääkärikeskus Aurora Oy |
      | business_id        | 0737546-2               |
      | package_name       | eRA Kanta-paketti       |
      | wants_prescription | ei                      |
    Niin avoinna on vain tehtävä "Send the delivery contract", jonka tekee järjestelmätoimittaja
    Kun järjestelmätoimittaja tekee tehtävän "Send the delivery contract" tiedoilla:
      | contract_reference | TS-2026-119 |
      | contract_sent_on   | tänään      |
    Niin avoinna on vain tehtävä "Sign the delivery contract", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Sign the delivery contract" tiedoilla:
      | signatory_name | Aino Virtanen |
      | signed_on      | tänään        |
    Niin avoinna on vain tehtävä "Apply for the Patient Data Repository", jonka tekee palvelunantaja
    Kun palvelunantaja yrittää tehdä tehtävän "Apply for the Patient Data Repository" tiedoilla:
      | system_name      | eRA        |
      | access_point_oid | 2.16.840.1 |
      | application_date | tänään     |
      | login_method     | suomi_fi   |
    Niin lomake hylätään kentän "access_point_oid" kohdalta
    Ja avoinna on vain tehtävä "Apply for the Patient Data Repository", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Apply for the Patient Data Repository" tiedoilla:
      | system_name      | eRA                          |
      | access_point_oid | 1.2.246.537.6.918.18.10.13.1 |
      | application_date | tänään                       |
      | login_method     | certificate_card             |
    Niin odotetaan viestiä "Kelan päätös hakemukseen"
    Ja vaihetta "Apply for the Prescription service" ei ole tehty
    Kun Kela lähettää viestin "Kelan päätös hakemukseen" tiedoilla:
      | decision | approved |
    Niin avoinna on vain tehtävä "Update the self-monitoring plan", jonka tekee palvelunantaja
    Ja viestejä ei odoteta
    Kun palvelunantaja tekee tehtävän "Update the self-monitoring plan" tiedoilla:
      | plan_updated_on                  | tänään |
      | structured_vaccination_recording | ei     |
    Niin avoinna on vain tehtävä "Deliver Kela's test person IDs", jonka tekee järjestelmätoimittaja
    Ja vaihetta "Correct the Patient Data Repository application" ei ole tehty
    Kun järjestelmätoimittaja tekee tehtävän "Deliver Kela's test person IDs" tiedoilla:
      | test_person_ids_delivered_on | tänään |
    Niin avoinna on vain tehtävä "Run the deployment test", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Run the deployment test" tiedoilla:
      | test_date   | tänään |
      | test_result | passed |
    Niin avoinna on vain tehtävä "Report the deployment test to Kela", jonka tekee palvelunantaja
    Ja ajastin "Report deadline passed" laukeaa 3 päivän kuluttua
    Kun aikaa on kulunut kolme päivää
    Niin ajastin "Report deadline passed" on lauennut kerran
    Ja avoimina ovat tehtävät:
      | osapuoli       | tehtävä                            |
      | palvelunantaja | Report the deployment test to Kela |
      | Kela           | Ask for the missing test report    |
    Kun Kela tekee tehtävän "Ask for the missing test report" tiedoilla:
      | requested_on | tänään |
    Niin avoinna on vain tehtävä "Report the deployment test to Kela", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Report the deployment test to Kela" tiedoilla:
      | report_sent_on | tänään |
    Niin prosessi on päättynyt tapahtumiin:
      | Report requested      |
      | Kanta services in use |
    Ja ajastimia ei ole
