package extract

import "strings"

// placeList names the countries, the states of the United States and of a
// few federations, and the cities that news most often writes, one a line,
// as they are written; places holds them in lower case. A name found here
// is a place (GPE) wherever it stands alone: "The season in San Francisco"
// is the city's, never the San Francisco Symphony's.
const placeList = `
Afghanistan
Albania
Algeria
Andorra
Angola
Argentina
Armenia
Australia
Austria
Azerbaijan
Bahamas
Bahrain
Bangladesh
Barbados
Belarus
Belgium
Belize
Benin
Bhutan
Bolivia
Bosnia
Botswana
Brazil
Brunei
Bulgaria
Burkina Faso
Burundi
Cambodia
Cameroon
Canada
Chile
China
Colombia
Congo
Costa Rica
Croatia
Cuba
Cyprus
Czech Republic
Czechoslovakia
Denmark
Djibouti
Dominican Republic
Ecuador
Egypt
El Salvador
Eritrea
Estonia
Ethiopia
Fiji
Finland
France
Gabon
Gambia
Georgia
Germany
Ghana
Greece
Guatemala
Guinea
Guyana
Haiti
Honduras
Hungary
Iceland
India
Indonesia
Iran
Iraq
Ireland
Israel
Italy
Ivory Coast
Jamaica
Japan
Kazakhstan
Kenya
Kosovo
Kuwait
Kyrgyzstan
Laos
Latvia
Lebanon
Lesotho
Liberia
Libya
Liechtenstein
Lithuania
Luxembourg
Madagascar
Malawi
Malaysia
Maldives
Mali
Malta
Mauritania
Mauritius
Mexico
Moldova
Monaco
Mongolia
Montenegro
Morocco
Mozambique
Myanmar
Burma
Namibia
Nepal
Netherlands
New Zealand
Nicaragua
Niger
Nigeria
North Korea
North Macedonia
Norway
Oman
Pakistan
Palestine
Panama
Papua New Guinea
Paraguay
Peru
Philippines
Poland
Portugal
Puerto Rico
Qatar
Romania
Russia
Rwanda
Saudi Arabia
Senegal
Serbia
Sierra Leone
Singapore
Slovakia
Slovenia
Somalia
South Africa
South Korea
South Sudan
Soviet Union
Spain
Sri Lanka
Sudan
Suriname
Sweden
Switzerland
Syria
Taiwan
Tajikistan
Tanzania
Thailand
Togo
Tunisia
Turkey
Turkmenistan
Uganda
Ukraine
United Arab Emirates
Uruguay
Uzbekistan
Venezuela
Vietnam
Yemen
Yugoslavia
Zambia
Zimbabwe
Alabama
Alaska
Arizona
Arkansas
California
Colorado
Connecticut
Delaware
Florida
Hawaii
Idaho
Illinois
Indiana
Iowa
Kansas
Kentucky
Louisiana
Maine
Maryland
Massachusetts
Michigan
Minnesota
Mississippi
Missouri
Montana
Nebraska
Nevada
New Hampshire
New Jersey
New Mexico
North Carolina
North Dakota
Ohio
Oklahoma
Oregon
Pennsylvania
Rhode Island
South Carolina
South Dakota
Tennessee
Utah
Vermont
Virginia
West Virginia
Wisconsin
Wyoming
Ontario
Quebec
British Columbia
Alberta
Bavaria
Catalonia
Scotland
Wales
Northern Ireland
Tibet
Xinjiang
Crimea
Siberia
Kashmir
Gaza
West Bank
Atlanta
Baltimore
Boston
Cleveland
Dallas
Denver
Detroit
Houston
Las Vegas
Miami
Milwaukee
Minneapolis
Nashville
New Orleans
Philadelphia
Phoenix
Pittsburgh
Portland
San Antonio
San Diego
San Francisco
San Jose
Seattle
St. Louis
Tucson
Sacramento
Kansas City
Cincinnati
Indianapolis
Memphis
Oakland
Honolulu
Anchorage
Baton Rouge
Albany
Annapolis
Richmond
Orlando
Tampa
Brooklyn
Manhattan
Toronto
Montreal
Vancouver
Ottawa
Mexico City
Havana
Bogota
Caracas
Lima
Santiago
Buenos Aires
Sao Paulo
Rio de Janeiro
Brasilia
Madrid
Barcelona
Lisbon
Rome
Milan
Naples
Vienna
Munich
Frankfurt
Hamburg
Bonn
Zurich
Geneva
Amsterdam
The Hague
Rotterdam
Copenhagen
Stockholm
Oslo
Helsinki
Dublin
Edinburgh
Glasgow
Manchester
Liverpool
Birmingham
Warsaw
Prague
Budapest
Bucharest
Belgrade
Athens
Istanbul
Ankara
Kyiv
Kiev
Minsk
St. Petersburg
Leningrad
Tehran
Baghdad
Damascus
Beirut
Jerusalem
Tel Aviv
Amman
Riyadh
Dubai
Abu Dhabi
Doha
Cairo
Tripoli
Tunis
Algiers
Casablanca
Lagos
Nairobi
Addis Ababa
Johannesburg
Cape Town
Kabul
Islamabad
Karachi
Delhi
New Delhi
Mumbai
Bombay
Calcutta
Kolkata
Bangalore
Dhaka
Colombo
Bangkok
Hanoi
Saigon
Ho Chi Minh City
Jakarta
Manila
Kuala Lumpur
Seoul
Pyongyang
Osaka
Kyoto
Taipei
Guangzhou
Wuhan
Hangzhou
Chongqing
Tianjin
Macau
Sydney
Melbourne
Canberra
Auckland
Wellington
`

// placeSet returns the lines of list, in lower case, as a set.
func placeSet(list string) map[string]bool {
	m := make(map[string]bool)
	for _, line := range strings.Split(list, "\n") {
		if line = strings.TrimSpace(line); line != "" {
			m[strings.ToLower(line)] = true
		}
	}
	return m
}
