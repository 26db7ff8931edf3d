/// The bundled gazetteer: people, places and organisations of Indonesian news.
///
/// One entity a line: `canonical<TAB>type<TAB>alias|alias|…`; `#` starts a
/// comment line. The canonical name is the one Indonesian outlets use most
/// ("Korea Utara", not "North Korea"); aliases are other spellings, the
/// English name and acronyms. It lives in the binary, so warta needs no
/// resource bundle. Users add or override entries with `--entities FILE`.
enum GazetteerData {
    static let tsv = """
# --- countries ---
Korea Utara	place	Korut|DPRK|North Korea|Republik Demokratik Rakyat Korea|Democratic People's Republic of Korea
Korea Selatan	place	Korsel|South Korea|Republik Korea|Republic of Korea|ROK
China	place	Tiongkok|RRT|RRC|Cina|Republik Rakyat Tiongkok|Republik Rakyat China|People's Republic of China|PRC
Amerika Serikat	place	AS|US|USA|Amerika|United States|United States of America|Paman Sam
Rusia	place	Russia|Federasi Rusia|Russian Federation
Ukraina	place	Ukraine
Vietnam	place	Viet Nam|Việt Nam
Indonesia	place	RI|Republik Indonesia|NKRI
Malaysia	place	Negeri Jiran
Singapura	place	Singapore
Thailand	place	Muangthai
Filipina	place	Philippines
Kamboja	place	Cambodia
Laos	place	
Myanmar	place	Burma
Brunei Darussalam	place	Brunei
Timor Leste	place	Timor-Leste|East Timor
Jepang	place	Japan
India	place	
Pakistan	place	
Bangladesh	place	
Australia	place	Negeri Kanguru
Selandia Baru	place	New Zealand
Papua Nugini	place	Papua New Guinea|PNG
Taiwan	place	
Hong Kong	place	Hongkong
Iran	place	
Irak	place	Iraq
Israel	place	
Palestina	place	Palestine
Jalur Gaza	place	Gaza|Gaza Strip
Tepi Barat	place	West Bank
Suriah	place	Syria
Lebanon	place	Libanon
Arab Saudi	place	Saudi Arabia|Saudi
Turki	place	Turkey|Türkiye|Turkiye
Mesir	place	Egypt
Qatar	place	Katar
Uni Emirat Arab	place	UEA|UAE|United Arab Emirates
Yaman	place	Yemen
Afganistan	place	Afghanistan
Inggris	place	Britania Raya|United Kingdom|UK|Britain|Great Britain
Prancis	place	Perancis|France
Jerman	place	Germany
Italia	place	Italy
Spanyol	place	Spain
Belanda	place	Netherlands|Holland
Belgia	place	Belgium
Swiss	place	Switzerland
Swedia	place	Sweden
Norwegia	place	Norway
Finlandia	place	Finland
Polandia	place	Poland
Belarus	place	Belarusia
Kanada	place	Canada
Meksiko	place	Mexico
Brasil	place	Brazil
Argentina	place	
Afrika Selatan	place	South Africa|Afsel
Nigeria	place	
Kenya	place	
Sudan	place	
Libya	place	
Venezuela	place	
Kuba	place	Cuba
Uni Soviet	place	Soviet Union|USSR
# --- regions ---
Asia Tenggara	place	Southeast Asia
Asia-Pasifik	place	Asia Pasifik|Asia-Pacific|Asia Pacific
Asia	place	
Eropa	place	Europe
Afrika	place	Africa
Timur Tengah	place	Middle East
Amerika Latin	place	Latin America
Amerika Selatan	place	South America
Amerika Utara	place	North America
Semenanjung Korea	place	Korean Peninsula
Laut China Selatan	place	Laut Cina Selatan|South China Sea|LCS|Laut Natuna Utara
New South Wales	place	NSW
# --- capitals and cities of the world ---
Hanoi	place	Ha Noi|Hà Nội
Kota Ho Chi Minh	place	Ho Chi Minh City|Saigon
Pyongyang	place	
Moskow	place	Moscow|Moskwa
Sankt Peterburg	place	St. Petersburg|Saint Petersburg
Vladivostok	place	
Beijing	place	Peking
Shanghai	place	
Washington	place	Washington DC|Washington D.C.
New York	place	
Kyiv	place	Kiev
Seoul	place	
Tokyo	place	
Canberra	place	
Sydney	place	
Den Haag	place	The Hague
Brussel	place	Brussels
London	place	
Paris	place	
Berlin	place	
Tel Aviv	place	
Yerusalem	place	Jerusalem
Teheran	place	Tehran
Bangkok	place	
Kuala Lumpur	place	
Manila	place	
Phnom Penh	place	
New Delhi	place	
Riyadh	place	
Ankara	place	
Kairo	place	Cairo
Damaskus	place	Damascus
# --- Indonesia: provinces ---
Aceh	place	Nanggroe Aceh Darussalam|NAD
Sumatera Utara	place	Sumut|North Sumatra
Sumatera Barat	place	Sumbar|West Sumatra
Riau	place	
Kepulauan Riau	place	Kepri
Jambi	place	
Sumatera Selatan	place	Sumsel|South Sumatra
Bangka Belitung	place	Babel|Kepulauan Bangka Belitung
Bengkulu	place	
Lampung	place	
Jakarta	place	DKI Jakarta|DKI|Daerah Khusus Ibukota Jakarta
Banten	place	
Jawa Barat	place	Jabar|West Java
Jawa Tengah	place	Jateng|Central Java
Yogyakarta	place	DIY|Jogja|Yogya|Jogjakarta|Daerah Istimewa Yogyakarta|DI Yogyakarta
Jawa Timur	place	Jatim|East Java
Bali	place	
Nusa Tenggara Barat	place	NTB
Nusa Tenggara Timur	place	NTT
Kalimantan Barat	place	Kalbar|West Kalimantan
Kalimantan Tengah	place	Kalteng|Central Kalimantan
Kalimantan Selatan	place	Kalsel|South Kalimantan
Kalimantan Timur	place	Kaltim|East Kalimantan
Kalimantan Utara	place	Kaltara|North Kalimantan
Sulawesi Utara	place	Sulut|North Sulawesi
Gorontalo	place	
Sulawesi Tengah	place	Sulteng|Central Sulawesi
Sulawesi Barat	place	Sulbar|West Sulawesi
Sulawesi Selatan	place	Sulsel|South Sulawesi
Sulawesi Tenggara	place	Sultra|Southeast Sulawesi
Maluku	place	Moluccas
Maluku Utara	place	Malut|North Maluku
Papua	place	
Papua Barat	place	West Papua
Papua Tengah	place	Central Papua
Papua Pegunungan	place	Highland Papua
Papua Selatan	place	South Papua
Papua Barat Daya	place	Southwest Papua
# --- Indonesia: islands and cities ---
Jawa	place	Java
Sumatera	place	Sumatra
Kalimantan	place	Borneo
Sulawesi	place	Celebes
Ibu Kota Nusantara	place	IKN|IKN Nusantara
Surabaya	place	
Bandung	place	
Semarang	place	
Medan	place	
Makassar	place	Ujung Pandang
Palembang	place	
Denpasar	place	
Bogor	place	
Depok	place	
Tangerang	place	
Bekasi	place	
Malang	place	
Solo	place	Surakarta
Padang	place	
Pekanbaru	place	
Batam	place	
Tanjungpinang	place	Tanjung Pinang
Balikpapan	place	
Samarinda	place	
Pontianak	place	
Banjarmasin	place	
Manado	place	
Palu	place	
Kupang	place	
Mataram	place	
Ambon	place	
Jayapura	place	
# --- people: Indonesia ---
Joko Widodo	person	Jokowi|Presiden Jokowi
Prabowo Subianto	person	Prabowo
Gibran Rakabuming Raka	person	Gibran|Gibran Rakabuming
Ma'ruf Amin	person	Maruf Amin
Susilo Bambang Yudhoyono	person	SBY
Megawati Soekarnoputri	person	Megawati|Megawati Sukarnoputri
Anies Baswedan	person	Anies
Ganjar Pranowo	person	Ganjar
Muhaimin Iskandar	person	Cak Imin
Mahfud MD	person	Mahfud|Mohammad Mahfud MD
Sri Mulyani Indrawati	person	Sri Mulyani
Retno Marsudi	person	Retno LP Marsudi
Luhut Binsar Pandjaitan	person	Luhut|Luhut Pandjaitan
Erick Thohir	person	
Airlangga Hartarto	person	Airlangga
Puan Maharani	person	Puan
Basuki Tjahaja Purnama	person	Ahok
Ridwan Kamil	person	
Sandiaga Uno	person	Sandiaga|Sandi Uno
Budi Gunadi Sadikin	person	
Tito Karnavian	person	
Listyo Sigit Prabowo	person	Listyo Sigit
Nadiem Makarim	person	Nadiem
Bahlil Lahadalia	person	Bahlil
Yasonna Laoly	person	Yasonna
Moeldoko	person	
Pratikno	person	
Zulkifli Hasan	person	Zulhas
Agus Harimurti Yudhoyono	person	AHY
Sugiono	person	
# --- people: the world ---
Vladimir Putin	person	Putin|Mr. Putin|Vladimir V. Putin|Vladimir Vladimirovich Putin|Presiden Putin
Kim Jong Un	person	Kim Jong-un|Kim Jong-Un
Kim Yo Jong	person	Kim Yo-jong
Xi Jinping	person	Xi|Mr. Xi
Li Qiang	person	
Wang Yi	person	
Joe Biden	person	Biden|Mr. Biden|Presiden Biden
Donald Trump	person	Trump|Mr. Trump
Kamala Harris	person	
Barack Obama	person	Obama
Antony Blinken	person	Blinken
Volodymyr Zelensky	person	Zelensky|Zelenskyy|Zelenskiy|Volodymyr Zelenskyy|Volodymyr Zelenskiy
Mykhailo Podolyak	person	Podolyak
Dmitry Peskov	person	Peskov|Dmitri Peskov
Sergei Lavrov	person	Lavrov|Sergey Lavrov
Sergei Shoigu	person	Shoigu
To Lam	person	Tô Lâm
Nguyen Phu Trong	person	Nguyễn Phú Trọng
Tran Hong Ha	person	Trần Hồng Hà
Le Hoai Trung	person	Lê Hoài Trung
Pham Minh Chinh	person	Phạm Minh Chính
Vo Van Thuong	person	Võ Văn Thưởng
Ho Chi Minh	person	
Carl Thayer	person	Thayer
Narendra Modi	person	Modi
Anthony Albanese	person	Albanese
Fumio Kishida	person	Kishida
Yoon Suk Yeol	person	Yoon Suk-yeol
Anwar Ibrahim	person	Anwar
Mahathir Mohamad	person	Mahathir
Lee Hsien Loong	person	
Lawrence Wong	person	
Ferdinand Marcos Jr.	person	Bongbong Marcos|Marcos Jr.|Ferdinand Marcos Jr
Hun Manet	person	
Hun Sen	person	
Min Aung Hlaing	person	
Aung San Suu Kyi	person	Suu Kyi
Tsai Ing-wen	person	
Lai Ching-te	person	
Benjamin Netanyahu	person	Netanyahu
Recep Tayyip Erdogan	person	Erdogan|Erdoğan
Emmanuel Macron	person	Macron
Olaf Scholz	person	Scholz
Rishi Sunak	person	Sunak
Keir Starmer	person	Starmer
Antonio Guterres	person	Guterres|António Guterres
Bashar al-Assad	person	Assad|Bashar Assad|Bashar al Assad
Ali Khamenei	person	Khamenei|Ayatollah Ali Khamenei
Ebrahim Raisi	person	Raisi
Mohammed bin Salman	person	MBS|Muhammad bin Salman
Ismail Haniyeh	person	Haniyeh
Yahya Sinwar	person	Sinwar
Jens Stoltenberg	person	Stoltenberg
Ursula von der Leyen	person	
Paus Fransiskus	person	Pope Francis
# --- organisations ---
PBB	org	Perserikatan Bangsa-Bangsa|UN|United Nations
Dewan Keamanan PBB	org	DK PBB|UN Security Council|Dewan Keamanan Perserikatan Bangsa-Bangsa
NATO	org	Pakta Pertahanan Atlantik Utara|North Atlantic Treaty Organization
ASEAN	org	Perhimpunan Bangsa-Bangsa Asia Tenggara
Uni Eropa	org	UE|EU|European Union
Mahkamah Pidana Internasional	org	ICC|Pengadilan Kriminal Internasional|International Criminal Court|Pengadilan Pidana Internasional
Mahkamah Internasional	org	ICJ|International Court of Justice
IMF	org	Dana Moneter Internasional|International Monetary Fund
Bank Dunia	org	World Bank
WHO	org	Organisasi Kesehatan Dunia|World Health Organization
WTO	org	Organisasi Perdagangan Dunia|World Trade Organization
G20	org	G-20
G7	org	G-7
BRICS	org	
APEC	org	
OPEC	org	
Kremlin	org	
Gedung Putih	org	White House
Pentagon	org	
Departemen Luar Negeri AS	org	Deplu AS|State Department|Departemen Luar Negeri Amerika Serikat|Kementerian Luar Negeri AS
Partai Komunis Vietnam	org	Communist Party of Vietnam
Partai Komunis China	org	PKC|Partai Komunis Tiongkok|Chinese Communist Party
Hamas	org	
Hizbullah	org	Hezbollah
Taliban	org	
ISIS	org	NIIS|Islamic State
Universitas New South Wales	org	University of New South Wales|UNSW
KPK	org	Komisi Pemberantasan Korupsi
DPR	org	Dewan Perwakilan Rakyat|DPR RI
MPR	org	Majelis Permusyawaratan Rakyat
TNI	org	Tentara Nasional Indonesia
Polri	org	Kepolisian Negara Republik Indonesia|Kepolisian Republik Indonesia
Mahkamah Konstitusi	org	Constitutional Court
Mahkamah Agung	org	
KPU	org	Komisi Pemilihan Umum
Bawaslu	org	Badan Pengawas Pemilu|Badan Pengawas Pemilihan Umum
Bank Indonesia	org	BI
OJK	org	Otoritas Jasa Keuangan
BPS	org	Badan Pusat Statistik
BMKG	org	Badan Meteorologi, Klimatologi, dan Geofisika
BNPB	org	Badan Nasional Penanggulangan Bencana
Kementerian Luar Negeri	org	Kemenlu|Kementerian Luar Negeri RI
Kementerian Keuangan	org	Kemenkeu
Pertamina	org	
PLN	org	Perusahaan Listrik Negara
Garuda Indonesia	org	
PDI-P	org	PDIP|PDI Perjuangan|Partai Demokrasi Indonesia Perjuangan
Golkar	org	Partai Golkar
Gerindra	org	Partai Gerindra
PKB	org	Partai Kebangkitan Bangsa
PKS	org	Partai Keadilan Sejahtera
NasDem	org	Partai NasDem
Partai Demokrat	org	
PAN	org	Partai Amanat Nasional
PPP	org	Partai Persatuan Pembangunan
Nahdlatul Ulama	org	NU|PBNU
Muhammadiyah	org	PP Muhammadiyah
MUI	org	Majelis Ulama Indonesia
AFP	org	Agence France-Presse
Reuters	org	
Associated Press	org	AP
Kantor Berita Antara	org	LKBN Antara|ANTARA FOTO
Sputnik	org	
BBC	org	British Broadcasting Corporation
CNN	org	
VOA	org	Voice of America
Xinhua	org	
TASS	org	
KCNA	org	Korean Central News Agency
Yonhap	org	
Al Jazeera	org	Aljazeera
The New York Times	org	New York Times|NYT
Nhan Dan	org	Nhân Dân
"""
}
