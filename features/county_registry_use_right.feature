# language: fi
Ominaisuus: Hyvinvointialueen rekisterinkäyttöoikeus palveluntuottajalle
  In English: the wellbeing services county's own part once a producer of its purchased or voucher services
  has the Social Welfare Client Data Repository in use (seed 002). The producer's onboarding says so by a
  message under the producer's business ID, which starts this process; the onboarding, and whatever called
  it, has ended by then and waits for nothing here. The county states whether it has joined and whether its
  system supports the registry use right. Only when both have joined and both systems support it does the
  county commit to opening the right each time it grants a client's service (seed 002: "Avaa palvelun
  myontamisen yhteydessa"), and the producer may then agree to store its documents straight into the
  county's register; otherwise the producer agrees on delivering them another way. The client's rights are
  agreed in either case (Act 703/2023 section 14).

  Hyvinvointialueen ostopalveluja tai palvelusetelipalveluja tuottavan palvelunantajan käyttöönotto kertoo
  viestillä, että Sosiaalihuollon asiakastietovaranto on sen käytössä, ja viesti aloittaa tämän prosessin.
  Käyttöönotto ja sitä kutsunut prosessi ovat silloin jo päättyneet eivätkä odota tätä. Hyvinvointialue
  kertoo, onko se liittynyt ja tukeeko sen järjestelmä rekisterinkäyttöoikeutta. Vain kun molemmat ovat
  liittyneet ja molempien järjestelmät tukevat sitä, hyvinvointialue sitoutuu avaamaan oikeuden aina
  myöntäessään asiakkaalle palvelun, ja palvelunantaja voi sopia tallentavansa asiakirjat suoraan sen
  rekisteriin; muuten se sopii asiakirjojen toimittamisesta muulla tavalla. Asiakkaan oikeuksien
  toteuttamisesta sovitaan aina (asiakastietolaki 14 §).

  Tapaus: Hyvinvointialue sitoutuu avaamaan rekisterinkäyttöoikeuden palvelun myöntämisen yhteydessä, ja palvelunantaja tallentaa asiakirjat sen rekisteriin
    Oletetaan palvelunantajan käyttöönoton lähettäneen viestin "Sosiaalihuollon asiakastietovaranto palveluntuottajan käytössä" Y-tunnukselle 1618034-1 tiedoilla:
      | organisation_name            | Palvelukoti Kultainen Leinikki Oy |
      | county_business_id           | 4567123-8                         |
      | registry_use_right_supported | kyllä                             |
    Ja avoinna on vain tehtävä "Vahvista rekisterinkäyttöoikeuden edellytykset", jonka tekee hyvinvointialue
    Ja tiedon "county_business_id" arvo on 4567123-8
    Ja viestejä ei odoteta
    Ja ajastimia ei ole
    Kun hyvinvointialue yrittää tehdä tehtävän "Vahvista rekisterinkäyttöoikeuden edellytykset" tiedoilla:
      | county_business_id                           | 7654321-6 |
      | organiser_joined                             | kyllä     |
      | organiser_system_supports_registry_use_right | kyllä     |
    Niin lomake hylätään kentän "county_business_id" kohdalta
    Ja avoinna on vain tehtävä "Vahvista rekisterinkäyttöoikeuden edellytykset", jonka tekee hyvinvointialue
    Kun hyvinvointialue tekee tehtävän "Vahvista rekisterinkäyttöoikeuden edellytykset" tiedoilla:
      | organiser_joined                             | kyllä |
      | organiser_system_supports_registry_use_right | kyllä |
    Niin avoinna on vain tehtävä "Sitoudu avaamaan rekisterinkäyttöoikeus jokaisen palvelun myöntämisen yhteydessä", jonka tekee hyvinvointialue
    Kun hyvinvointialue yrittää tehdä tehtävän "Sitoudu avaamaan rekisterinkäyttöoikeus jokaisen palvelun myöntämisen yhteydessä" tiedoilla:
      | opens_right_when_granting_service | ei     |
      | agreed_on                         | tänään |
    Niin lomake hylätään kentän "opens_right_when_granting_service" kohdalta
    Ja avoinna on vain tehtävä "Sitoudu avaamaan rekisterinkäyttöoikeus jokaisen palvelun myöntämisen yhteydessä", jonka tekee hyvinvointialue
    Kun hyvinvointialue tekee tehtävän "Sitoudu avaamaan rekisterinkäyttöoikeus jokaisen palvelun myöntämisen yhteydessä" tiedoilla:
      | opens_right_when_granting_service | kyllä  |
      | agreed_on                         | tänään |
    Niin avoinna on vain tehtävä "Sovi järjestäjän kanssa asiakirjojen toimittamisesta, myös suoraan sen rekisteriin, ja asiakkaan oikeuksista", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Sovi järjestäjän kanssa asiakirjojen toimittamisesta, myös suoraan sen rekisteriin, ja asiakkaan oikeuksista" tiedoilla:
      | delivery_method      | into_organisers_register |
      | client_rights_agreed | kyllä                    |
      | agreed_on            | tänään                   |
    Niin prosessi on päättynyt tapahtumaan "Asiakirjojen toimittamisesta sovittu, myös hyvinvointialueen rekisteriin"
    Ja avoimia tehtäviä ei ole
    Ja vaihetta "Sovi järjestäjän kanssa asiakirjojen toimittamisesta ja asiakkaan oikeuksista" ei ole tehty

  Tapausaihio: Ilman rekisterinkäyttöoikeuden edellytyksiä palvelunantaja sopii asiakirjojen toimittamisesta muulla tavalla ja asiakkaan oikeuksista (hyvinvointialue liittynyt: <liittynyt>, hyvinvointialueen järjestelmä: <tuki>, palvelunantajan järjestelmä: <oma_tuki>)
    Oletetaan palvelunantajan käyttöönoton lähettäneen viestin "Sosiaalihuollon asiakastietovaranto palveluntuottajan käytössä" Y-tunnukselle <y_tunnus> tiedoilla:
      | county_business_id           | 4567123-8  |
      | registry_use_right_supported | <oma_tuki> |
    Ja avoinna on vain tehtävä "Vahvista rekisterinkäyttöoikeuden edellytykset", jonka tekee hyvinvointialue
    Kun hyvinvointialue tekee tehtävän "Vahvista rekisterinkäyttöoikeuden edellytykset" tiedoilla:
      | organiser_joined                             | <liittynyt> |
      | organiser_system_supports_registry_use_right | <tuki>      |
    Niin avoinna on vain tehtävä "Sovi järjestäjän kanssa asiakirjojen toimittamisesta ja asiakkaan oikeuksista", jonka tekee palvelunantaja
    Ja vaihetta "Sitoudu avaamaan rekisterinkäyttöoikeus jokaisen palvelun myöntämisen yhteydessä" ei ole tehty
    Kun palvelunantaja yrittää tehdä tehtävän "Sovi järjestäjän kanssa asiakirjojen toimittamisesta ja asiakkaan oikeuksista" tiedoilla:
      | delivery_method      | into_organisers_register |
      | client_rights_agreed | kyllä                    |
      | agreed_on            | tänään                   |
    Niin lomake hylätään kentän "delivery_method" kohdalta
    Ja avoinna on vain tehtävä "Sovi järjestäjän kanssa asiakirjojen toimittamisesta ja asiakkaan oikeuksista", jonka tekee palvelunantaja
    Kun palvelunantaja tekee tehtävän "Sovi järjestäjän kanssa asiakirjojen toimittamisesta ja asiakkaan oikeuksista" tiedoilla:
      | delivery_method      | secure_email |
      | client_rights_agreed | kyllä        |
      | agreed_on            | tänään       |
    Niin prosessi on päättynyt tapahtumaan "Asiakirjojen toimittamisesta sovittu"
    Ja avoimia tehtäviä ei ole
    Ja vaihetta "Sovi järjestäjän kanssa asiakirjojen toimittamisesta, myös suoraan sen rekisteriin, ja asiakkaan oikeuksista" ei ole tehty

    Tapaukset:
      | y_tunnus  | liittynyt | tuki  | oma_tuki |
      | 1618036-8 | ei        | kyllä | kyllä    |
      | 1618037-6 | kyllä     | ei    | kyllä    |
      | 1618038-4 | kyllä     | kyllä | ei       |
