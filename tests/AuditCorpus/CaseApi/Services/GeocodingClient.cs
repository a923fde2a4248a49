using System.Net.Http;
using System.Threading.Tasks;

namespace CaseApi.Services
{
    public class GeocodingClient
    {
        private readonly HttpClient _http;

        public GeocodingClient(HttpClient http)
        {
            _http = http;
        }

        public Task<string> LocateAsync(string homeAddress)
        {
            return _http.GetStringAsync("https://geocoder.example.org/search?format=json&q=" + homeAddress); // LEAK: NP1006
        }

        public Task<string> ReverseAsync(double latitude, double longitude)
        {
            return _http.GetStringAsync($"https://geocoder.example.org/reverse?lat={latitude}&lon={longitude}"); // LEAK: NP1006*2
        }

        public Task<string> RegionAsync(int regionId)
        {
            return _http.GetStringAsync($"https://geocoder.example.org/regions/{regionId}");
        }
    }
}
